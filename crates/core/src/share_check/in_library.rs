//! The share check of the evidence library: each item's description, its file's name, what
//! its file holds (a photo's details, a document's text), its link and its format.

use super::evidence_text::{FileContent, FileReading};
use super::in_sections::{advice, linked_format};
use super::{Finding, Found, kind_in_words, times};
use crate::checklist::{EvidenceField, Fix, ProblemCode, TextPlace};
use crate::evidence::{EvidenceItem, EvidenceSource};
use crate::find::excerpt;
use crate::link_check::{LinkFindingKind, check_link, proprietary_format};
use crate::model::{AgreedFinding, AgreedKind, Portfolio};
use crate::personal_data::{PersonalDataKind, find_personal_data};
use std::collections::HashMap;
use std::sync::Arc;

/// Passages reported from one file's text at most; the last says how many more there are.
const MAX_FINDINGS_PER_FILE: usize = 10;

pub(super) fn check(
    portfolio: &Portfolio,
    readings: &HashMap<String, Arc<FileReading>>,
    found: &mut Found,
) {
    for item in &portfolio.evidence {
        let reading = readings.get(&item.id).map(Arc::as_ref);
        let name = ItemName::of(item);
        photo_details(item, &name, reading, found);
        described(item, &name, found);
        file_name(item, &name, found);
        file_text(item, &name, reading, found);
        link(item, &name, found);
        format(item, &name, found);
        picture_alternative(item, &name, found);
    }
}

/// How messages name an item: "E3 (“Classroom photo”)", or "E3" while untitled.
struct ItemName(String);

impl ItemName {
    fn of(item: &EvidenceItem) -> ItemName {
        ItemName(match item.details.title.trim() {
            "" => item.id.clone(),
            title => format!("{} (“{title}”)", item.id),
        })
    }
}

fn finding(
    item: &EvidenceItem,
    code: ProblemCode,
    what: &str,
    text: &str,
    message: String,
) -> Finding {
    Finding {
        code,
        section: None,
        evidence: Some(item.id.clone()),
        place: format!("evidence:{}:{what}", item.id),
        text: text.to_string(),
        message,
        passage: None,
        fix: None,
        agree: None,
    }
}

fn photo_details(
    item: &EvidenceItem,
    name: &ItemName,
    reading: Option<&FileReading>,
    found: &mut Found,
) {
    let Some(reading) = reading.filter(|r| !r.metadata.is_empty()) else {
        return;
    };
    let labels: Vec<&str> = reading.metadata.iter().map(|kind| kind.label()).collect();
    let message = format!(
        "{} still records {}. Anyone with the exported portfolio could read this. Remove it with one click: the app keeps a clean copy of the photo in the portfolio, and your own file is not changed.",
        name.0,
        crate::checklist::in_words_list(&labels)
    );
    let mut problem = finding(item, ProblemCode::ImageLocationData, "photo", "", message);
    problem.fix = Some(Fix::CleanImageMetadata {
        items: vec![item.id.clone()],
        label: "Remove these details".to_string(),
    });
    found.push(problem);
}

/// The title and the other fields the library's form describes an item by.
fn described(item: &EvidenceItem, name: &ItemName, found: &mut Found) {
    for field in EvidenceField::ALL {
        let value = field.of(&item.details);
        if value.trim().is_empty() {
            continue;
        }
        let findings = find_personal_data(value);
        let mut counts: HashMap<(PersonalDataKind, &str), usize> = HashMap::new();
        for f in &findings {
            *counts.entry((f.kind, &f.matched)).or_default() += 1;
        }
        for f in &findings {
            let Some(count) = counts.remove(&(f.kind, f.matched.as_str())) else {
                continue;
            };
            let message = format!(
                "{}, its {}: “{}” looks like {}{}. {}",
                name.0,
                field.label(),
                f.matched,
                kind_in_words(f.kind),
                times(count, "there"),
                advice(f.kind, true)
            );
            let field_name = serde_json::to_value(field)
                .ok()
                .and_then(|value| value.as_str().map(str::to_string))
                .unwrap_or_default();
            let mut problem = finding(
                item,
                ProblemCode::PersonalDataInText,
                &field_name,
                &f.matched,
                message,
            );
            problem.passage = Some(excerpt(value, f.range.clone()));
            problem.fix = Some(Fix::Redact {
                place: TextPlace::Evidence {
                    evidence: item.id.clone(),
                    field,
                },
                personal_data: f.kind,
                text: f.matched.clone(),
                replacement: f.kind.replacement().to_string(),
                label: format!("Replace with “{}”", f.kind.replacement()),
            });
            problem.agree = Some(AgreedFinding {
                kind: f.kind.into(),
                text: f.matched.clone(),
            });
            found.push(problem);
        }
    }
}

fn original_name(item: &EvidenceItem) -> Option<&str> {
    match &item.source {
        EvidenceSource::File { original_name, .. } => Some(original_name),
        _ => None,
    }
}

/// A file's name goes out with it, in the export's list of files and its data.
fn file_name(item: &EvidenceItem, name: &ItemName, found: &mut Found) {
    let Some(file) = original_name(item) else {
        return;
    };
    // Word boundaries in file names are often _ or - ("student_Priya_Shah.pdf").
    let readable = file.replace(['_', '-'], " ");
    for f in find_personal_data(&readable) {
        let matched = &file[f.range.clone()];
        let message = format!(
            "{}: its file name “{file}” has “{matched}” in it, which looks like {}. The name goes out with the file: rename the file on your computer and use “Replace file…” on {}, or mark it as fine to share.",
            name.0,
            kind_in_words(f.kind),
            item.id
        );
        let mut problem = finding(
            item,
            ProblemCode::PersonalDataInEvidence,
            "file-name",
            matched,
            message,
        );
        problem.passage = Some(excerpt(file, f.range.clone()));
        problem.agree = Some(AgreedFinding {
            kind: f.kind.into(),
            text: matched.to_string(),
        });
        found.push(problem);
    }
}

fn file_text(
    item: &EvidenceItem,
    name: &ItemName,
    reading: Option<&FileReading>,
    found: &mut Found,
) {
    let (Some(reading), EvidenceSource::File { sha256, .. }) = (reading, &item.source) else {
        return;
    };
    let look_yourself = |why: String| {
        let mut problem = finding(
            item,
            ProblemCode::PersonalDataInEvidence,
            "text",
            sha256,
            why,
        );
        problem.agree = Some(AgreedFinding {
            kind: AgreedKind::UnreadFile,
            text: sha256.to_ascii_lowercase(),
        });
        problem
    };
    match &reading.content {
        FileContent::Unreadable(reason) => {
            found.push(look_yourself(format!(
                "{} could not be read ({reason}), so the app could not look for personal data in it. Open it and look through it yourself before you share it.",
                name.0
            )));
            return;
        }
        FileContent::NoText => {
            found.push(look_yourself(format!(
                "{} has no text the app can read (it may be a scanned page), so the app could not look for personal data in it. Look through it yourself before you share it.",
                name.0
            )));
            return;
        }
        FileContent::Photo | FileContent::Text => {}
    }
    let shown: Vec<_> = reading
        .findings
        .iter()
        .filter(|f| {
            !found.is_agreed(&AgreedFinding {
                kind: f.kind.into(),
                text: f.matched.clone(),
            })
        })
        .collect();
    let more = shown.len().saturating_sub(MAX_FINDINGS_PER_FILE);
    for (index, f) in shown.iter().take(MAX_FINDINGS_PER_FILE).enumerate() {
        let mut message = format!(
            "The text of {} has “{}”, which looks like {}{}. Assessors can read everything in the file: take it out of your own copy (or blur it), save it again and use “Replace file…” on {}, or mark it as fine to share.",
            name.0,
            f.matched,
            kind_in_words(f.kind),
            times(f.count, "in the file"),
            item.id
        );
        if more > 0 && index + 1 == MAX_FINDINGS_PER_FILE {
            message.push_str(&format!(
                " The file has {more} more passages like these: look through all of it before you share it."
            ));
        }
        let mut problem = finding(
            item,
            ProblemCode::PersonalDataInEvidence,
            "text",
            &f.matched,
            message,
        );
        problem.passage = Some(f.passage.clone());
        problem.agree = Some(AgreedFinding {
            kind: f.kind.into(),
            text: f.matched.clone(),
        });
        found.push(problem);
    }
}

fn link(item: &EvidenceItem, name: &ItemName, found: &mut Found) {
    let EvidenceSource::Link { url } = &item.source else {
        return;
    };
    for f in check_link(url) {
        let (code, message) = match f.kind {
            LinkFindingKind::Malformed => (
                ProblemCode::LinkMalformed,
                format!(
                    "{}: its link “{url}” will not open for an assessor. {} {}",
                    name.0, f.reason, f.advice
                ),
            ),
            LinkFindingKind::NeedsSignIn => (
                ProblemCode::LinkNeedsSignIn,
                format!(
                    "{} links to {}, which may ask assessors to sign in. {} {}",
                    name.0,
                    f.service.as_deref().unwrap_or("a site"),
                    f.reason,
                    f.advice
                ),
            ),
            LinkFindingKind::PrivateAddress => (
                ProblemCode::LinkNeedsSignIn,
                format!(
                    "{}: its link {url} will not open for an assessor. {} {}",
                    name.0, f.reason, f.advice
                ),
            ),
        };
        let mut problem = finding(item, code, "link", url, message);
        problem.agree = Some(AgreedFinding {
            kind: AgreedKind::Link,
            text: url.clone(),
        });
        found.push(problem);
    }
}

fn format(item: &EvidenceItem, name: &ItemName, found: &mut Found) {
    let (advice, text, what) = match &item.source {
        EvidenceSource::File { original_name, .. } => {
            let Some(advice) = proprietary_format(original_name) else {
                return;
            };
            let message = format!(
                "{} is a {} file (“{original_name}”), which an assessor may not be able to open: {} opens anywhere. {} Then use “Replace file…” on {}.",
                name.0, advice.format, advice.open_alternative, advice.advice, item.id
            );
            (message, original_name, "file")
        }
        EvidenceSource::Link { url } => {
            let Some(advice) = linked_format(url) else {
                return;
            };
            let message = format!(
                "{} links to a {} file, which an assessor may not be able to open: {} opens anywhere. {}",
                name.0, advice.format, advice.open_alternative, advice.advice
            );
            (message, url, "link")
        }
        EvidenceSource::MissingFile { .. } => return,
    };
    let mut problem = finding(item, ProblemCode::ProprietaryFormat, what, text, advice);
    problem.agree = Some(AgreedFinding {
        kind: AgreedKind::Format,
        text: text.clone(),
    });
    found.push(problem);
}

/// The export shows a picture with "E3: its title" as the words for those who cannot see
/// it, so a missing title, or a file's name standing for one, says nothing.
fn picture_alternative(item: &EvidenceItem, name: &ItemName, found: &mut Found) {
    let EvidenceSource::File {
        original_name,
        media_type,
        ..
    } = &item.source
    else {
        return;
    };
    if !crate::export::bundle::is_displayable_image(media_type) {
        return;
    }
    let title = item.details.title.trim();
    let stem = original_name
        .rsplit_once('.')
        .map_or(original_name.as_str(), |(stem, _)| stem);
    let only_a_file_name = title.is_empty()
        || title.eq_ignore_ascii_case(original_name)
        || title.eq_ignore_ascii_case(stem)
        || ["jpg", "jpeg", "png", "gif", "webp"]
            .iter()
            .any(|extension| {
                title
                    .to_ascii_lowercase()
                    .ends_with(&format!(".{extension}"))
            });
    if !only_a_file_name {
        return;
    }
    let message = if title.is_empty() {
        format!(
            "{} is a picture the export shows with no title, so nothing says what it shows to assessors who cannot see it. Give it a title that does (such as “Padlet wall from the induction session”): the export uses the title as the picture's text alternative.",
            name.0
        )
    } else {
        format!(
            "{} is a picture the export shows with only its file name to say what it shows, which tells assessors who cannot see it nothing. Give it a title that says what it shows (such as “Padlet wall from the induction session”): the export uses the title as the picture's text alternative.",
            item.id
        )
    };
    found.push(finding(
        item,
        ProblemCode::ImageWithoutTextAlternative,
        "picture",
        title,
        message,
    ));
}
