//! Reading a draft in Markdown into sections: headings of any level or bold lines name the
//! sections and parts, `**Description:**` labels switch part within a line, and whatever
//! fits no section is kept aside, with its line number, never dropped.

use super::evidence_list::{self, EMBEDDED_MARK, ListedEvidence, ListedSource};
use super::headings::{self, Form, Group, Heading, Part};
use crate::draft_vocabulary::DraftVocabulary;
use crate::framework::{AreaKindId, Framework, SectionKind};

/// Stands in the text for a reference to the k-th evidence listing of its section, until
/// the item's number is known: `\u{FFFC}item:2\u{FFFC}` becomes `[E7]`.
pub(super) fn item_mark(index: usize) -> String {
    format!("{EMBEDDED_MARK}item:{index}{EMBEDDED_MARK}")
}

/// One section as the draft has it.
#[derive(Debug, Clone, Default)]
pub(super) struct DraftSection {
    pub id: String,
    /// The heading as written, and its line: for the report.
    pub heading: String,
    pub line: usize,
    pub topic: String,
    /// The Description; for statements (context, future plans) the whole text.
    pub description: String,
    pub reflection: String,
    /// The section's reference list ("References", "Further reading") as written.
    pub references: String,
    pub evidence: Vec<ListedEvidence>,
    /// Lines of the confirmation and assessor, read as fields once the draft is read.
    pub body: Vec<(usize, String)>,
    evidence_lines: Vec<String>,
    /// The section's heading was found more than once; its parts were joined.
    pub repeated: bool,
}

/// Text that fits no section, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unplaced {
    pub heading: Option<String>,
    /// 1-based line of the draft (of the Markdown made from a Word document).
    pub line: usize,
    pub text: String,
    /// Why it was not placed, in a few words.
    pub reason: String,
}

/// The draft read into sections, before evidence is numbered and the pathway chosen.
#[derive(Debug, Default)]
pub(super) struct ParsedDraft {
    pub title: String,
    /// Labelled lines before the first section: (label, value).
    pub fields: Vec<(String, String)>,
    pub sections: Vec<DraftSection>,
    pub unplaced: Vec<Unplaced>,
    /// Section headings recognised.
    pub recognised: usize,
    /// What the reader did that the candidate should check (a core area's text placed in
    /// its first section).
    pub notes: Vec<String>,
}

/// Windows and old Mac line endings, a byte-order mark: the text as one form.
pub(super) fn prepare_text(text: &str) -> String {
    let text = text
        .trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let text = without_front_matter(&text);
    // Google Docs writes an empty paragraph as a line of `&nbsp;`: it is a blank line.
    text.split('\n')
        .map(|line| {
            let rest = line.replace("&nbsp;", "").replace('\u{a0}', "");
            if rest.trim().is_empty() { "" } else { line }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A web portfolio's page settings (`---` / `layout: page` / `---` at the very top) are the
/// website's, not the candidate's words: the lines stay, blank, so line numbers still match.
fn without_front_matter(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    if lines.first().map(|line| line.trim_end()) != Some("---") {
        return text.to_string();
    }
    // The closing `---` within the first 40 lines, and only `key: value` settings before it.
    let Some(end) = lines
        .iter()
        .skip(1)
        .take(40)
        .position(|line| line.trim_end() == "---")
    else {
        return text.to_string();
    };
    let settings_only = lines[1..=end].iter().all(|line| {
        line.trim().is_empty()
            || line.starts_with([' ', '-'])
            || line.contains(": ")
            || line.ends_with(':')
    });
    if !settings_only {
        return text.to_string();
    }
    let blank = vec![""; end + 2];
    blank
        .into_iter()
        .chain(lines[end + 2..].iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn parse(framework: &Framework, text: &str) -> ParsedDraft {
    let text = prepare_text(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut reader = Reader::new(framework);
    let mut index = 0;
    let mut in_fence = false;
    while index < lines.len() {
        let line = lines[index];
        let number = index + 1;
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            reader.text(number, line);
        } else if in_fence {
            reader.text(number, line);
        } else if let Some((level, heading)) = atx_heading(line) {
            reader.marked_heading(number, line, heading, level);
        } else if let Some(level) = setext_level(&lines, index) {
            reader.marked_heading(number, line, line.trim(), level);
            index += 1;
        } else {
            let handled = match bold_line(line) {
                Some(inner) => reader.try_heading(number, line, inner, Form::Marked, 0),
                None if plain_heading_candidate(&lines, index) => {
                    reader.try_heading(number, line, line.trim(), Form::Plain, 0)
                }
                None => false,
            };
            if !handled {
                reader.text(number, line);
            }
        }
        index += 1;
    }
    reader.finish()
}

/// `## Heading ##`: its level and text.
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let text = &rest[level..];
    if !text.is_empty() && !text.starts_with([' ', '\t']) {
        return None;
    }
    let text = text.trim().trim_end_matches('#').trim_end();
    Some((level as u8, text))
}

/// A line underlined with `===` (level 1) or `---` (level 2) as a heading.
fn setext_level(lines: &[&str], index: usize) -> Option<u8> {
    let line = lines[index].trim();
    let next = lines.get(index + 1)?.trim();
    let starts_paragraph = index == 0 || lines[index - 1].trim().is_empty();
    if line.is_empty()
        || !starts_paragraph
        || evidence_list::strip_list_marker(line).is_some()
        || line.starts_with(['|', '>'])
        || next.len() < 3
    {
        return None;
    }
    if next.chars().all(|c| c == '=') {
        Some(1)
    } else if next.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

/// The text of a line that is all bold (`**1b Technical knowledge**`, `**Description:**`).
fn bold_line(line: &str) -> Option<&str> {
    let trimmed = line.trim().trim_end_matches('\\').trim_end();
    let trimmed = trimmed.strip_suffix(':').unwrap_or(trimmed);
    for mark in ["**", "__"] {
        if let Some(inner) = trimmed
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
            && !inner.contains(mark)
            && !inner.trim().is_empty()
        {
            return Some(inner);
        }
    }
    None
}

/// A short unmarked line standing on its own (or ending in a colon) may be a heading.
fn plain_heading_candidate(lines: &[&str], index: usize) -> bool {
    let line = lines[index].trim();
    if line.is_empty()
        || line.starts_with(['|', '>', '!', '['])
        || evidence_list::strip_list_marker(line).is_some()
        || line.split_whitespace().count() > 15
    {
        return false;
    }
    let alone_before = index == 0 || lines[index - 1].trim().is_empty();
    let alone_after = lines
        .get(index + 1)
        .is_none_or(|next| next.trim().is_empty());
    (alone_before && alone_after) || line.ends_with(':')
}

/// `**Description:** In 2024...`, `Reflection: I learned...`: the part, and the rest.
fn inline_part_label(line: &str) -> Option<(Part, String)> {
    let trimmed = line.trim_start();
    let (label, rest) = if let Some(inner) = trimmed
        .strip_prefix("**")
        .or_else(|| trimmed.strip_prefix("__"))
    {
        let end = inner.find("**").or_else(|| inner.find("__"))?;
        let label = &inner[..end];
        let rest = &inner[end + 2..];
        match label.trim_end().strip_suffix(':') {
            Some(label) => (label.to_string(), rest.to_string()),
            None => (
                label.to_string(),
                rest.trim_start().strip_prefix(':')?.to_string(),
            ),
        }
    } else {
        let (label, rest) = trimmed.split_once(':')?;
        (label.to_string(), rest.to_string())
    };
    let part = headings::part_label(&label.trim().to_lowercase())?;
    Some((part, rest.trim().to_string()))
}

/// `Legislation: GDPR`, `**Area:** ...`, `Topic: ...`: a section's topic stated in a line.
fn topic_line(line: &str) -> Option<String> {
    let (label, value) = super::fields::labelled_line(line)?;
    const LABELS: [&str; 16] = [
        "legislation",
        "legislative area",
        "second legislative area",
        "policy",
        "policies",
        "policy area",
        "standard",
        "standards",
        "policy or standard",
        "area",
        "topic",
        "specialist area",
        "advanced area",
        "focus",
        "title",
        "subject",
    ];
    (LABELS.contains(&label.as_str()) && !value.is_empty()).then_some(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Before the first heading that names a section.
    Preamble,
    Section(usize),
    /// Under a heading that is no section (or a group's introduction).
    Unplaced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CurrentPart {
    /// After the heading, before any part label: read as Description.
    Opening,
    Is(Part),
}

struct Reader<'f> {
    framework: &'f Framework,
    draft: ParsedDraft,
    target: Target,
    part: CurrentPart,
    /// The level of the `#` heading that opened the section, 0 for a bold or plain line.
    section_level: u8,
    group: Option<Group>,
    /// The level of the `#` heading of "Specialist options" while its areas are read: a
    /// heading below it that names nothing else names the next area.
    areas_level: Option<(AreaKindId, u8)>,
    /// A core area's heading with no section of its own opened yet, and the lines under it,
    /// kept to be read as its first section's if no section of that area follows.
    core_intro: Option<CoreIntro>,
    /// The line before was blank (or there was none): the next one starts a paragraph.
    after_blank: bool,
    /// The block of unplaced text being gathered.
    block: Option<Unplaced>,
}

/// The 2018 guidelines' "Core Area 3: The Wider Context" has no 3a/3b headings: its text is
/// held here until the reader knows whether a section of that area follows.
struct CoreIntro {
    core: u8,
    line: usize,
    heading: String,
    level: u8,
    lines: Vec<(usize, String)>,
}

impl<'f> Reader<'f> {
    fn new(framework: &'f Framework) -> Self {
        Reader {
            framework,
            draft: ParsedDraft::default(),
            target: Target::Preamble,
            part: CurrentPart::Opening,
            section_level: 0,
            group: None,
            areas_level: None,
            core_intro: None,
            after_blank: true,
            block: None,
        }
    }

    fn kind_of(&self, id: &str) -> Option<SectionKind> {
        self.framework.section(id).map(|info| info.kind())
    }

    fn current_kind(&self) -> Option<SectionKind> {
        match self.target {
            Target::Section(index) => self.kind_of(&self.draft.sections[index].id),
            _ => None,
        }
    }

    /// A `#` or setext heading: a section, or else an unknown heading that closes the section
    /// when it is at the section's level or above.
    fn marked_heading(&mut self, number: usize, raw: &str, text: &str, level: u8) {
        if self.try_heading(number, raw, text, Form::Marked, level) {
            return;
        }
        let closes_section = self.section_level > 0 && level <= self.section_level;
        if self.core_intro.is_some() && self.target == Target::Unplaced && !closes_section {
            // A heading inside a core area's introduction stays with it.
            return self.text(number, raw);
        }
        if let Some((kind, areas_level)) = self.areas_level
            && level > areas_level
            && (closes_section || !matches!(self.target, Target::Section(_)))
        {
            // "Practical Blended Learning" under "Specialist options": the next area, by name.
            let id = self
                .framework
                .area_kind(kind)
                .section_id(self.next_ordinal(kind));
            let name = headings::clean_heading(text);
            self.open(number, raw, &id, Some(name), level);
            return;
        }
        match self.target {
            Target::Section(_) if !closes_section => self.text(number, raw),
            Target::Preamble if self.draft.title.is_empty() && self.block.is_none() => {
                self.draft.title = headings::clean_heading(text);
            }
            Target::Section(_) | Target::Preamble | Target::Unplaced => {
                let reason = if self.draft.sections.is_empty() {
                    "before the first section"
                } else {
                    "under a heading that is not a section of the CMALT framework"
                };
                self.start_block(number, Some(raw.trim().to_string()), reason);
                if self.target != Target::Preamble {
                    self.target = Target::Unplaced;
                }
                self.section_level = level;
            }
        }
    }

    /// Acts on a heading if it names a section, part or group; false when it names nothing.
    fn try_heading(&mut self, number: usize, raw: &str, text: &str, form: Form, level: u8) -> bool {
        let Some(heading) = headings::classify(self.framework, text, form) else {
            return false;
        };
        match heading {
            Heading::Part(part) => {
                let has_parts = self
                    .current_kind()
                    .is_some_and(SectionKind::has_description_and_reflection);
                if has_parts {
                    self.part = CurrentPart::Is(part);
                }
                has_parts
            }
            Heading::Section { id, topic } => {
                self.open(number, raw, &id, topic, level);
                true
            }
            Heading::Area {
                kind,
                ordinal,
                topic,
            } => {
                let ordinal = ordinal.unwrap_or_else(|| self.next_ordinal(kind));
                let id = self.framework.area_kind(kind).section_id(ordinal);
                self.open(number, raw, &id, topic, level);
                true
            }
            Heading::Group(group) => {
                if group == Group::Core(4) {
                    self.open(number, raw, "4", None, level);
                    return true;
                }
                self.finish_core_intro(None);
                self.start_block(number, Some(raw.trim().to_string()), GROUP_INTRODUCTION);
                self.target = Target::Unplaced;
                self.section_level = level;
                self.group = Some(group);
                match group {
                    Group::Core(core) => {
                        self.areas_level = None;
                        self.core_intro = Some(CoreIntro {
                            core,
                            line: number,
                            heading: raw.trim().to_string(),
                            level,
                            lines: Vec::new(),
                        });
                    }
                    Group::Areas(kind) => self.areas_level = (level > 0).then_some((kind, level)),
                }
                true
            }
            Heading::Letter { letter, rest } => {
                self.lettered(number, raw, letter, &rest, form, level)
            }
        }
    }

    /// `a) ...` under `Core Area 1` is 1a; under `Specialist areas` the first area.
    fn lettered(
        &mut self,
        number: usize,
        raw: &str,
        letter: char,
        rest: &str,
        form: Form,
        level: u8,
    ) -> bool {
        match self.group {
            Some(Group::Core(core)) => {
                let id = format!("{core}{letter}");
                let Some(section) = self.framework.sections.iter().find(|s| s.id == id) else {
                    return false;
                };
                if form == Form::Plain
                    && !headings::matches_title(rest, &section.title, Form::Marked)
                {
                    return false;
                }
                let topic = headings::section_topic(self.framework, &id, rest);
                self.open(number, raw, &id, topic, level);
                true
            }
            Some(Group::Areas(kind)) if form == Form::Marked => {
                let ordinal = (letter as u8 - b'a') as usize + 1;
                let id = self.framework.area_kind(kind).section_id(ordinal);
                let topic = (!rest.trim().is_empty()).then(|| rest.trim().to_string());
                self.open(number, raw, &id, topic, level);
                true
            }
            _ => false,
        }
    }

    /// The next area of a kind for a heading that does not number it.
    fn next_ordinal(&self, kind: AreaKindId) -> usize {
        let area = self.framework.area_kind(kind);
        self.draft
            .sections
            .iter()
            .filter_map(|s| area.ordinal_of(&s.id))
            .max()
            .unwrap_or(0)
            + 1
    }

    fn open(&mut self, number: usize, raw: &str, id: &str, topic: Option<String>, level: u8) {
        self.finish_core_intro(Some(id));
        self.close_block();
        if let Some((kind, _)) = self.areas_level
            && self.kind_of(id).and_then(SectionKind::area_kind) != Some(kind)
        {
            self.areas_level = None;
        }
        let index = match self.draft.sections.iter().position(|s| s.id == id) {
            Some(index) => {
                self.draft.sections[index].repeated = true;
                index
            }
            None => {
                self.draft.sections.push(DraftSection {
                    id: id.to_string(),
                    heading: raw.trim().to_string(),
                    line: number,
                    ..DraftSection::default()
                });
                self.draft.sections.len() - 1
            }
        };
        let section = &mut self.draft.sections[index];
        if let Some(topic) = topic
            && section.topic.is_empty()
        {
            section.topic = topic;
        }
        self.draft.recognised += 1;
        self.target = Target::Section(index);
        self.part = CurrentPart::Opening;
        self.after_blank = true;
        self.section_level = level;
        self.group = group_of(self.framework, id).or(self.group);
    }

    /// Ends a core area's introduction as `opening` is read: when no section of that area
    /// follows, its lines are read again as the area's first section, with a note.
    fn finish_core_intro(&mut self, opening: Option<&str>) {
        let Some(intro) = self.core_intro.take() else {
            return;
        };
        let has_text = intro.lines.iter().any(|(_, line)| !line.trim().is_empty());
        let section_follows =
            opening.is_some_and(|id| group_of(self.framework, id) == Some(Group::Core(intro.core)));
        let first = format!("{}a", intro.core);
        let already = self.draft.sections.iter().any(|s| s.id == first);
        if section_follows || !has_text || already || self.framework.section(&first).is_none() {
            return;
        }
        // The introduction's block was gathered as not placed; it is placed now instead.
        self.block = None;
        let second = format!("{}b", intro.core);
        self.draft.notes.push(format!(
            "“{}” has no {first} or {second} headings, so its text was placed in {first}. Read it through: it may need splitting between {first} and {second}.",
            intro.heading
        ));
        self.open(intro.line, &intro.heading, &first, None, intro.level);
        self.draft.recognised -= 1;
        self.after_blank = true;
        for (number, line) in intro.lines {
            self.replay(number, &line);
        }
    }

    /// A line of a core area's introduction, read again inside its first section.
    fn replay(&mut self, number: usize, line: &str) {
        let handled = if let Some((level, heading)) = atx_heading(line) {
            self.try_heading(number, line, heading, Form::Marked, level)
        } else if let Some(inner) = bold_line(line) {
            self.try_heading(number, line, inner, Form::Marked, 0)
        } else if matches!(
            headings::classify(self.framework, line.trim(), Form::Plain),
            Some(Heading::Part(_))
        ) {
            self.try_heading(number, line, line.trim(), Form::Plain, 0)
        } else {
            false
        };
        if !handled {
            self.text(number, line);
        }
    }

    fn start_block(&mut self, number: usize, heading: Option<String>, reason: &str) {
        self.close_block();
        self.block = Some(Unplaced {
            heading,
            line: number,
            text: String::new(),
            reason: reason.to_string(),
        });
    }

    fn close_block(&mut self) {
        if let Some(mut block) = self.block.take() {
            block.text = block.text.trim_matches('\n').to_string();
            // A group's heading with nothing under it ("Specialist options") lost nothing.
            let bare_group_heading = block.reason == GROUP_INTRODUCTION;
            if !block.text.trim().is_empty() || (block.heading.is_some() && !bare_group_heading) {
                self.draft.unplaced.push(block);
            }
        }
    }

    fn unplaced_line(&mut self, number: usize, line: &str, reason: &str) {
        if self.block.is_none() {
            if line.trim().is_empty() {
                return;
            }
            self.start_block(number, None, reason);
        }
        let block = self.block.as_mut().expect("a block was just started");
        if block.text.is_empty() && block.heading.is_none() {
            block.line = number;
        }
        block.text.push_str(line);
        block.text.push('\n');
    }

    fn text(&mut self, number: usize, line: &str) {
        if let Some(intro) = &mut self.core_intro
            && self.target == Target::Unplaced
        {
            intro.lines.push((number, line.to_string()));
        }
        let starts_paragraph = self.after_blank;
        self.after_blank = line.trim().is_empty();
        match self.target {
            Target::Preamble => self.preamble_line(number, line),
            Target::Unplaced => {
                self.unplaced_line(number, line, "under a heading that is not a section")
            }
            Target::Section(index) => self.section_line(index, number, line, starts_paragraph),
        }
    }

    /// Before the first section: `**Pathway:** CMALT`, `Candidate: ...` are read; anything
    /// else is kept as not placed.
    fn preamble_line(&mut self, number: usize, line: &str) {
        if let Some((label, value)) = super::fields::labelled_line(line)
            && PREAMBLE_LABELS.contains(&label.as_str())
            && !value.is_empty()
        {
            self.draft.fields.push((label, value));
            return;
        }
        self.unplaced_line(number, line, "before the first section");
    }

    fn section_line(&mut self, index: usize, number: usize, line: &str, starts_paragraph: bool) {
        let Some(kind) = self.kind_of(&self.draft.sections[index].id) else {
            return self.unplaced_line(number, line, "in a section the app does not know");
        };
        match kind {
            SectionKind::Statement => append(&mut self.draft.sections[index].description, line),
            SectionKind::Confirmation | SectionKind::Assessor => self.draft.sections[index]
                .body
                .push((number, line.to_string())),
            SectionKind::Assessed | SectionKind::Specialist | SectionKind::Advanced => {
                if let Some((part, rest)) = inline_part_label(line) {
                    self.part = CurrentPart::Is(part);
                    if !rest.is_empty() {
                        self.section_line(index, number, &rest, false);
                    }
                    return;
                }
                // With no Reflection heading, "On reflection, ..." is where the Reflection starts.
                if self.part == CurrentPart::Opening
                    && starts_paragraph
                    && DraftVocabulary::bundled().opens_reflection(line)
                {
                    self.part = CurrentPart::Is(Part::Reflection);
                }
                let section = &mut self.draft.sections[index];
                let wants_topic = topic_wanted(self.framework, &section.id);
                if wants_topic
                    && section.topic.is_empty()
                    && self.part == CurrentPart::Opening
                    && let Some(topic) = topic_line(line)
                {
                    section.topic = topic;
                    return;
                }
                match self.part {
                    CurrentPart::Opening | CurrentPart::Is(Part::Description) => {
                        append(&mut section.description, line)
                    }
                    CurrentPart::Is(Part::Reflection) => append(&mut section.reflection, line),
                    CurrentPart::Is(Part::Evidence) => {
                        section.evidence_lines.push(line.to_string())
                    }
                    CurrentPart::Is(Part::References) => append(&mut section.references, line),
                }
            }
        }
    }

    fn finish(mut self) -> ParsedDraft {
        self.finish_core_intro(None);
        self.close_block();
        let mut unplaced = Vec::new();
        for section in &mut self.draft.sections {
            let lines = std::mem::take(&mut section.evidence_lines);
            let (items, leftover) = evidence_list::parse_evidence_part(&lines);
            section.evidence.extend(items);
            if !leftover.is_empty() {
                unplaced.push(Unplaced {
                    heading: None,
                    line: section.line,
                    text: leftover.join("\n"),
                    reason: format!(
                        "in the Evidence part of {}, but not an evidence item",
                        section.id
                    ),
                });
            }
            // Images found in the text are listed after the Evidence part's items.
            let mut images = Vec::new();
            let first = section.evidence.len();
            section.description = tidy(&images_to_marks(&section.description, first, &mut images));
            section.reflection = tidy(&images_to_marks(&section.reflection, first, &mut images));
            section.references = tidy(&section.references);
            section.evidence.extend(images);
        }
        self.draft.unplaced.extend(unplaced);
        self.draft
    }
}

/// Why a group's introduction is kept aside.
const GROUP_INTRODUCTION: &str = "under a core area's heading, before its first section";

const PREAMBLE_LABELS: [&str; 11] = [
    "pathway",
    "candidate",
    "name",
    "candidate name",
    "role",
    "job title",
    "organisation",
    "organization",
    "institution",
    "employer",
    "title",
];

/// 3a, 3b, specialist and advanced areas name a topic.
fn topic_wanted(framework: &Framework, id: &str) -> bool {
    match framework.section(id) {
        Some(crate::framework::SectionInfo::Listed(section)) => {
            section.topic.is_some() || section.kind.area_kind().is_some()
        }
        Some(crate::framework::SectionInfo::Added { .. }) => true,
        None => false,
    }
}

/// The group a section belongs to, so `b)` after `1a` is read as 1b.
fn group_of(framework: &Framework, id: &str) -> Option<Group> {
    let info = framework.section(id)?;
    if let Some(kind) = info.kind().area_kind() {
        return Some(Group::Areas(kind));
    }
    let core: u8 = id.get(..1)?.parse().ok()?;
    (1..=3).contains(&core).then_some(Group::Core(core))
}

fn append(text: &mut String, line: &str) {
    text.push_str(line);
    text.push('\n');
}

/// Trims blank lines at either end and runs of more than one blank line inside.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim_matches('\n').split('\n') {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line.trim_end_matches(['\t']));
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// Images in the text (`![alt](file.png)` or one embedded in a Word document) become
/// evidence items of the section, and the text refers to them as `[E<n>]`: the preview
/// shows no images, and the 1 MB rule applies to them as to any file.
fn images_to_marks(text: &str, first_index: usize, images: &mut Vec<ListedEvidence>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let markdown = rest.find("![");
        let embedded = rest.find(EMBEDDED_MARK);
        let at = match (markdown, embedded) {
            (Some(m), Some(e)) => m.min(e),
            (Some(m), None) => m,
            (None, Some(e)) => e,
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        let here = &rest[at..];
        let found = if here.starts_with('!') {
            markdown_image(here)
        } else {
            embedded_image(here)
        };
        match found {
            Some((item, length)) => {
                out.push_str(&item_mark(first_index + images.len()));
                images.push(item);
                rest = &here[length..];
            }
            None => {
                let step = here.chars().next().map_or(1, char::len_utf8);
                out.push_str(&here[..step]);
                rest = &here[step..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn markdown_image(text: &str) -> Option<(ListedEvidence, usize)> {
    let inner = text.strip_prefix("![")?;
    let close = inner.find("](")?;
    let alt = &inner[..close];
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    let target = after[..end]
        .split_whitespace()
        .next()?
        .trim_matches(['<', '>']);
    let source = if target.starts_with("http://") || target.starts_with("https://") {
        ListedSource::Link(target.to_string())
    } else {
        ListedSource::File(target.to_string())
    };
    let title = if alt.trim().is_empty() {
        target.rsplit('/').next().unwrap_or(target).to_string()
    } else {
        alt.trim().to_string()
    };
    Some((image_item(title, source), 2 + close + 2 + end + 1))
}

fn embedded_image(text: &str) -> Option<(ListedEvidence, usize)> {
    let inner = text.strip_prefix(EMBEDDED_MARK)?;
    let end = inner.find(EMBEDDED_MARK)?;
    let index: usize = inner[..end].strip_prefix("image:")?.parse().ok()?;
    let length = EMBEDDED_MARK.len_utf8() * 2 + end;
    Some((
        image_item(
            format!("Image {}", index + 1),
            ListedSource::Embedded(index),
        ),
        length,
    ))
}

fn image_item(title: String, source: ListedSource) -> ListedEvidence {
    ListedEvidence {
        number: None,
        title,
        date: String::new(),
        origin: String::new(),
        what_it_shows: String::new(),
        still_relevant_because: String::new(),
        source,
        note: "an image in the text of the draft".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::bundled().expect("the bundled framework loads")
    }

    #[test]
    fn the_2018_headings_a_core_area_without_subsections_and_named_specialist_options() {
        let draft = parse(
            &framework(),
            "# Core Area 3: The Wider Context\n\nI led our GDPR work in 2024.\n\nOn reflection, the training came too late.\n\n# Core Area 4: Communication and Working with Others\n\nI chair the network.\n\nLooking back, I would invite learners.\n\n# Specialist Options\n\n## Practical Blended Learning\n\nI redesigned three modules.\n\nIn reflection, the tutors mattered most.\n\n## Teaching with Virtual Reality\n\nI ran a VR pilot.\n\nReflecting on the pilot, headsets were the easy part.\n",
        );
        let ids: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["3a", "4", "5a", "5b"]);
        assert_eq!(
            draft.sections[0].description,
            "I led our GDPR work in 2024."
        );
        assert_eq!(
            draft.sections[0].reflection,
            "On reflection, the training came too late."
        );
        assert_eq!(
            draft.sections[1].reflection,
            "Looking back, I would invite learners."
        );
        assert_eq!(draft.sections[2].topic, "Practical Blended Learning");
        assert_eq!(draft.sections[3].topic, "Teaching with Virtual Reality");
        assert!(
            draft.sections[3]
                .reflection
                .starts_with("Reflecting on the pilot")
        );
        assert!(draft.unplaced.is_empty(), "{:?}", draft.unplaced);
        assert_eq!(draft.notes.len(), 1);
        assert!(
            draft.notes[0].contains("placed in 3a"),
            "{}",
            draft.notes[0]
        );
    }

    #[test]
    fn reference_lists_stay_with_their_section_apart_from_the_evidence() {
        let draft = parse(
            &framework(),
            "## 1a: Constraints and benefits\n\n### Description\n\nI compared tools.\n\n### Reflection\n\nI learned.\n\n### Evidence\n\n- E1 Tool comparison (2025), file: evidence/e1.pdf\n\n**Further Reading**\n\n- Carr, P. (2023). *Digital Transformation 101*. London: Example Press.\n- Beetham, H. (2024) *Rethinking Pedagogy*. Available at: https://example.org/book\n\n## 1b: Technical knowledge\n\nI built banks.\n",
        );
        assert_eq!(draft.sections[0].evidence.len(), 1);
        assert!(
            draft.sections[0]
                .references
                .starts_with("- Carr, P. (2023)")
        );
        assert_eq!(draft.sections[0].references.lines().count(), 2);
        assert_eq!(draft.sections[1].description, "I built banks.");
    }

    #[test]
    fn a_core_area_introduction_before_its_sections_is_still_kept_aside() {
        let draft = parse(
            &framework(),
            "# Core Area 3: The wider context\n\nA few words about this area.\n\n## 3a: Legislation\n\nI led GDPR work.\n",
        );
        let ids: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["3a"]);
        assert_eq!(draft.sections[0].description, "I led GDPR work.");
        assert_eq!(draft.unplaced.len(), 1);
        assert!(draft.notes.is_empty());
    }

    #[test]
    fn core_area_groups_and_lettered_sections() {
        let draft = parse(
            &framework(),
            "# Core Area 1: Operational Issues\n\nSome guidance from the template.\n\n## a) An understanding of the constraints and benefits of different technologies\n\n**Description:** I compared four tools.\n\n**Reflection:** I learned a lot.\n\n## b) Technical knowledge\n\nDescription\n\nI built banks.\n",
        );
        let ids: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["1a", "1b"]);
        assert_eq!(
            draft.sections[0].description, "I compared four tools.",
            "the label's line keeps its text"
        );
        assert_eq!(draft.sections[0].reflection, "I learned a lot.");
        assert_eq!(draft.sections[1].description, "I built banks.");
        assert_eq!(
            draft.unplaced.len(),
            1,
            "the template's guidance is kept aside"
        );
        assert!(draft.unplaced[0].text.contains("Some guidance"));
    }

    #[test]
    fn unknown_headings_at_section_level_close_the_section() {
        let draft = parse(
            &framework(),
            "## 4: Communication and working with others\n\n### Description\n\nText.\n\n#### The network\n\nMore.\n\n## Appendix: notes\n\nStray.\n",
        );
        assert_eq!(
            draft.sections[0].description, "Text.\n\n#### The network\n\nMore.",
            "a sub-heading stays in the text"
        );
        assert_eq!(
            draft.unplaced[0].heading.as_deref(),
            Some("## Appendix: notes")
        );
        assert_eq!(draft.unplaced[0].text, "Stray.");
    }

    #[test]
    fn images_in_the_text_become_references() {
        let draft = parse(
            &framework(),
            "## 1b Technical knowledge\n\n### Description\n\nSee ![Report screenshot](shots/report.png) here.\n",
        );
        let section = &draft.sections[0];
        assert_eq!(section.description, format!("See {} here.", item_mark(0)));
        assert_eq!(
            section.evidence[0].source,
            ListedSource::File("shots/report.png".into())
        );
        assert_eq!(section.evidence[0].title, "Report screenshot");
    }

    #[test]
    fn setext_headings_and_plain_label_lines() {
        let draft = parse(
            &framework(),
            "Future plans\n============\n\nI will study.\n\nContextual statement\n\nI work at a college.\n",
        );
        let ids: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["future", "context"]);
        assert_eq!(draft.sections[1].description, "I work at a college.");
    }
}
