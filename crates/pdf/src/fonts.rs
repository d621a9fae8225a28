//! The fonts a PDF is set in, read from the system when it is exported, so the app carries
//! none (bundling them cost 1 MB of the release binary): Liberation Sans for the text,
//! Liberation Mono for code, and DejaVu Sans, where it is installed, for the characters
//! Liberation lacks (Greek is in both; much else only in DejaVu). Arial and Courier New,
//! which Liberation matches in width, are the fonts of the same shape on Windows and macOS.

use krilla::text::{Font, GlyphId};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// No font file we use is near this; a larger "font" is not read into memory.
const MAX_FONT_BYTES: u64 = 32 * 1024 * 1024;

/// The styles the export sets text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
    Mono,
}

impl Style {
    pub(crate) fn with(bold: bool, italic: bool) -> Style {
        match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }
}

/// One family in one folder: the file of each style (regular, bold, italic, bold italic).
#[derive(Debug, Clone)]
pub struct FamilyFiles {
    pub folder: PathBuf,
    pub files: [&'static str; 4],
}

/// Where the fonts are looked for, in order; the first folder that has a file wins.
#[derive(Debug, Clone)]
pub struct FontPlaces {
    pub sans: Vec<FamilyFiles>,
    pub mono: Vec<FamilyFiles>,
    /// Fonts with many more characters, for what the text fonts lack.
    pub fallback: Vec<PathBuf>,
}

const LIBERATION_SANS: [&str; 4] = [
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
];
const LIBERATION_MONO: [&str; 4] = [
    "LiberationMono-Regular.ttf",
    "LiberationMono-Bold.ttf",
    "LiberationMono-Italic.ttf",
    "LiberationMono-BoldItalic.ttf",
];

/// Where each system keeps Liberation: Debian and Ubuntu (`fonts-liberation2`, then the
/// older `fonts-liberation`), Fedora (`liberation-sans-fonts`, `liberation-mono-fonts`,
/// old and new folder names), Arch (`ttf-liberation`).
const LIBERATION_SANS_FOLDERS: [&str; 6] = [
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation-sans-fonts",
    "/usr/share/fonts/liberation-sans",
    "/usr/share/fonts/liberation",
    "/usr/share/fonts/TTF",
];
const LIBERATION_MONO_FOLDERS: [&str; 6] = [
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation-mono-fonts",
    "/usr/share/fonts/liberation-mono",
    "/usr/share/fonts/liberation",
    "/usr/share/fonts/TTF",
];
/// The same shapes and widths under their own names on Windows and macOS.
const ARIAL: [(&str, [&str; 4]); 2] = [
    (
        "C:\\Windows\\Fonts",
        ["arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"],
    ),
    (
        "/System/Library/Fonts/Supplemental",
        [
            "Arial.ttf",
            "Arial Bold.ttf",
            "Arial Italic.ttf",
            "Arial Bold Italic.ttf",
        ],
    ),
];
const COURIER_NEW: [(&str, [&str; 4]); 2] = [
    (
        "C:\\Windows\\Fonts",
        ["cour.ttf", "courbd.ttf", "couri.ttf", "courbi.ttf"],
    ),
    (
        "/System/Library/Fonts/Supplemental",
        [
            "Courier New.ttf",
            "Courier New Bold.ttf",
            "Courier New Italic.ttf",
            "Courier New Bold Italic.ttf",
        ],
    ),
];
const FALLBACK_FILES: [&str; 4] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
];

impl FontPlaces {
    /// The places the fonts are installed on Linux, Windows and macOS.
    pub fn system() -> FontPlaces {
        let family =
            |folders: &[&str], files: [&'static str; 4], others: &[(&str, [&'static str; 4])]| {
                folders
                    .iter()
                    .map(|folder| FamilyFiles {
                        folder: PathBuf::from(folder),
                        files,
                    })
                    .chain(others.iter().map(|(folder, files)| FamilyFiles {
                        folder: PathBuf::from(folder),
                        files: *files,
                    }))
                    .collect()
            };
        FontPlaces {
            sans: family(&LIBERATION_SANS_FOLDERS, LIBERATION_SANS, &ARIAL),
            mono: family(&LIBERATION_MONO_FOLDERS, LIBERATION_MONO, &COURIER_NEW),
            fallback: FALLBACK_FILES.iter().map(PathBuf::from).collect(),
        }
    }

    /// Liberation's files looked for in `folders` only (and no fallback font).
    pub fn liberation_in(folders: &[PathBuf]) -> FontPlaces {
        let family = |files: [&'static str; 4]| {
            folders
                .iter()
                .map(|folder| FamilyFiles {
                    folder: folder.clone(),
                    files,
                })
                .collect()
        };
        FontPlaces {
            sans: family(LIBERATION_SANS),
            mono: family(LIBERATION_MONO),
            fallback: Vec::new(),
        }
    }
}

/// The fonts are not installed, or not readable as fonts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "The fonts a PDF needs are not installed: install the package fonts-liberation2 (Debian, Ubuntu) or liberation-sans-fonts and liberation-mono-fonts (Fedora), then export again. Nothing was exported."
)]
pub struct FontsMissing;

/// One font file, with what the layout needs of it: each character's glyph and advance.
pub(crate) struct Face {
    pub font: Font,
    data: Arc<Vec<u8>>,
    units_per_em: f32,
    /// Glyph and advance (in ems) of each character met so far; `None` when it has none.
    glyphs: RefCell<HashMap<char, Option<(GlyphId, f32)>>>,
}

impl Face {
    fn read(path: &Path) -> Option<Face> {
        let file = std::fs::File::open(path).ok()?;
        let mut data = Vec::new();
        file.take(MAX_FONT_BYTES + 1).read_to_end(&mut data).ok()?;
        if data.len() as u64 > MAX_FONT_BYTES {
            return None;
        }
        let units_per_em = f32::from(
            skrifa::FontRef::new(&data)
                .ok()?
                .head()
                .ok()?
                .units_per_em(),
        );
        let data = Arc::new(data);
        let font = Font::new(data.clone().into(), 0)?;
        Some(Face {
            font,
            data,
            units_per_em: units_per_em.max(1.0),
            glyphs: RefCell::new(HashMap::new()),
        })
    }

    /// The glyph of `c` and its advance in ems, if the font has one.
    pub(crate) fn glyph(&self, c: char) -> Option<(GlyphId, f32)> {
        if let Some(known) = self.glyphs.borrow().get(&c) {
            return *known;
        }
        let found = skrifa::FontRef::new(&self.data).ok().and_then(|font| {
            let id = font.charmap().map(c).filter(|id| id.to_u32() != 0)?;
            let advance = font
                .glyph_metrics(Size::unscaled(), LocationRef::default())
                .advance_width(id)
                .unwrap_or(0.0);
            Some((GlyphId::new(id.to_u32()), advance / self.units_per_em))
        });
        self.glyphs.borrow_mut().insert(c, found);
        found
    }
}

/// The five text faces and the fallback.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
    bold_italic: Face,
    mono: Face,
    fallback: Option<Face>,
}

/// The first family in `places` with all four files readable as fonts.
fn family(places: &[FamilyFiles]) -> Option<[Face; 4]> {
    places.iter().find_map(|place| {
        let [a, b, c, d] = place.files.map(|name| Face::read(&place.folder.join(name)));
        Some([a?, b?, c?, d?])
    })
}

/// Reads the fonts from the first places that have them.
pub fn load(places: &FontPlaces) -> Result<LoadedFonts, FontsMissing> {
    let [regular, bold, italic, bold_italic] = family(&places.sans).ok_or(FontsMissing)?;
    // Code in Liberation Mono; only its regular face is used.
    let [mono, ..] = family(&places.mono).ok_or(FontsMissing)?;
    let fallback = places.fallback.iter().find_map(|path| Face::read(path));
    Ok(LoadedFonts(Fonts {
        regular,
        bold,
        italic,
        bold_italic,
        mono,
        fallback,
    }))
}

/// The fonts, read and ready for an export.
pub struct LoadedFonts(pub(crate) Fonts);

/// A stretch of text in one face: its glyphs, each with its advance in ems and the bytes of
/// the text it stands for.
pub(crate) struct Piece<'f> {
    pub face: &'f Face,
    pub glyphs: Vec<(GlyphId, f32, std::ops::Range<usize>)>,
}

impl Fonts {
    pub(crate) fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
            Style::Italic => &self.italic,
            Style::BoldItalic => &self.bold_italic,
            Style::Mono => &self.mono,
        }
    }

    /// `text` in `style`, split where a character needs another face. A character no font
    /// has is drawn as "?", and still reads as itself when the text is copied or searched.
    pub(crate) fn pieces<'f>(&'f self, style: Style, text: &str) -> Vec<Piece<'f>> {
        let main = self.face(style);
        let mut pieces: Vec<Piece<'f>> = Vec::new();
        for (at, c) in text.char_indices() {
            let range = at..at + c.len_utf8();
            let (face, glyph) = match main.glyph(c) {
                Some(glyph) => (main, glyph),
                None => match self.fallback.as_ref().and_then(|f| Some((f, f.glyph(c)?))) {
                    Some(found) => found,
                    None => (main, main.glyph('?').unwrap_or((GlyphId::new(0), 0.5))),
                },
            };
            match pieces.last_mut() {
                Some(last) if std::ptr::eq(last.face, face) => {
                    last.glyphs.push((glyph.0, glyph.1, range))
                }
                _ => pieces.push(Piece {
                    face,
                    glyphs: vec![(glyph.0, glyph.1, range)],
                }),
            }
        }
        pieces
    }

    /// The width of `text` in `style` at `size` points.
    pub(crate) fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        let main = self.face(style);
        text.chars()
            .map(|c| {
                main.glyph(c)
                    .or_else(|| self.fallback.as_ref().and_then(|f| f.glyph(c)))
                    .or_else(|| main.glyph('?'))
                    .map_or(0.5, |(_, advance)| advance)
            })
            .sum::<f32>()
            * size
    }
}
