//! The languages a portfolio can be spell-checked in (`assets/spelling.json`): the window
//! turns the web view's checker on with the portfolio's dictionary, and the packages name
//! the dictionaries to install. British English by default, as the scheme writes.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub const BUNDLED_SPELLING_JSON: &str = include_str!("../../../assets/spelling.json");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SpellingLanguage {
    /// BCP 47, as HTML's `lang` takes it: "en-GB".
    pub code: String,
    /// As the candidate picks it: "English (United Kingdom)".
    pub name: String,
    /// The hunspell/enchant dictionary name: "en_GB".
    pub dictionary: String,
    /// The Debian package that holds the dictionary, for the "not installed" hint.
    pub package: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpellingData {
    default: String,
    languages: Vec<SpellingLanguage>,
}

fn data() -> &'static SpellingData {
    static DATA: OnceLock<SpellingData> = OnceLock::new();
    DATA.get_or_init(|| {
        let data: SpellingData = serde_json::from_str(BUNDLED_SPELLING_JSON)
            .expect("assets/spelling.json is checked by the tests");
        data
    })
}

/// Every language offered, the default first.
pub fn languages() -> &'static [SpellingLanguage] {
    &data().languages
}

pub fn default_language() -> &'static SpellingLanguage {
    language(&data().default).expect("the default spelling language is in the list")
}

/// The language with this code, if offered.
pub fn language(code: &str) -> Option<&'static SpellingLanguage> {
    languages()
        .iter()
        .find(|language| language.code.eq_ignore_ascii_case(code))
}

/// The language a portfolio is checked in: its own choice, or the default.
pub fn for_portfolio(chosen: Option<&str>) -> &'static SpellingLanguage {
    chosen.and_then(language).unwrap_or_else(default_language)
}

/// Whether the dictionary is installed where enchant's hunspell provider looks.
pub fn dictionary_installed(language: &SpellingLanguage) -> bool {
    let mut folders: Vec<std::path::PathBuf> =
        vec!["/usr/share/hunspell".into(), "/usr/share/myspell".into()];
    if let Some(data) = directories::BaseDirs::new().map(|dirs| dirs.data_dir().to_path_buf()) {
        folders.push(data.join("enchant/hunspell"));
    }
    folders.iter().any(|folder| {
        folder
            .join(format!("{}.dic", language.dictionary))
            .is_file()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_loads_and_british_english_is_the_default() {
        assert_eq!(default_language().code, "en-GB");
        assert_eq!(default_language().dictionary, "en_GB");
        assert_eq!(languages()[0].code, "en-GB");
    }

    #[test]
    fn an_unknown_or_missing_choice_falls_back_to_the_default() {
        assert_eq!(for_portfolio(None).code, "en-GB");
        assert_eq!(for_portfolio(Some("xx-YY")).code, "en-GB");
        assert_eq!(for_portfolio(Some("en-us")).code, "en-US");
    }

    #[test]
    fn codes_and_dictionaries_are_unique_and_well_formed() {
        let mut codes: Vec<&str> = languages().iter().map(|l| l.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), languages().len());
        for language in languages() {
            assert_eq!(language.dictionary, language.code.replace('-', "_"));
            assert!(language.package.starts_with("hunspell-"));
        }
    }
}
