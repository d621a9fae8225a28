//! The "safe to share" detectors through their public API: what a teacher writes that would
//! expose a learner or the candidate, what must be left alone, and links and files that
//! would fail ALT's first administrative check.

use cmalt_core::link_check::{LinkFindingKind, check_link, proprietary_format};
use cmalt_core::personal_data::{PersonalDataKind, find_personal_data};
use std::collections::BTreeMap;

use LinkFindingKind::{Malformed, NeedsSignIn, PrivateAddress};
use PersonalDataKind::{Email, LearnerName, Phone, Postcode, StudentId};

/// Sentences a candidate might write, each with one thing the detector must find in it.
/// A sentence listed twice has two findings; a sentence must have no finding it does not
/// list here.
#[rustfmt::skip]
const TRUE_POSITIVES: &[(&str, PersonalDataKind, &str)] = &[
    // Email addresses, role addresses included: the candidate decides what stays.
    ("For questions contact me at j.smith@uni.ac.uk before Friday.", Email, "j.smith@uni.ac.uk"),
    ("Her parent emailed priya.shah2009@gmail.com about the deadline.", Email, "priya.shah2009@gmail.com"),
    ("Send the consent forms to elearning-team@college.example.ac.uk.", Email, "elearning-team@college.example.ac.uk"),
    ("The helpdesk address (helpdesk@myschool.sch.uk) is on every slide.", Email, "helpdesk@myschool.sch.uk"),
    ("Write to info@alt.ac.uk for the guidance.", Email, "info@alt.ac.uk"),
    ("Replies went to <mark.jones+cmalt@outlook.com> during the pilot.", Email, "mark.jones+cmalt@outlook.com"),
    ("Feedback came from t.o'neill@learners.college.ac.uk in week two.", Email, "t.o'neill@learners.college.ac.uk"),
    // Phone numbers: UK mobiles, landlines, freephone, and international forms.
    ("Her mobile is 07700 900123 if the session moves.", Phone, "07700 900123"),
    ("Ring 07700900123 for the Year 11 revision line.", Phone, "07700900123"),
    ("The office number is 0161 496 0000.", Phone, "0161 496 0000"),
    ("Call the library on 020 7946 0958 to book a room.", Phone, "020 7946 0958"),
    ("Reception: +44 (0)20 7946 0958, open until five.", Phone, "+44 (0)20 7946 0958"),
    ("The IT desk (01632 960123) logs every request.", Phone, "01632 960123"),
    ("Parents can ring 0800 123 4567 free of charge.", Phone, "0800 123 4567"),
    ("Our partner college in Dublin is on +353 1 234 5678.", Phone, "+353 1 234 5678"),
    ("The trainer in Ohio gave her number as +1 555 010 9999.", Phone, "+1 555 010 9999"),
    ("Text +44 7700 900123 to join the study group.", Phone, "+44 7700 900123"),
    ("Call 029 2018 0000 for the Cardiff campus.", Phone, "029 2018 0000"),
    ("Tel: 0113-496-0000 (ask for the learning technologist).", Phone, "0113-496-0000"),
    ("The landline 01632960123 is only staffed in term time.", Phone, "01632960123"),
    ("The national helpline 0300 123 1234 is open on Saturdays.", Phone, "0300 123 1234"),
    ("Call (0161) 496 0000 between lessons.", Phone, "(0161) 496 0000"),
    // Postcodes: any case with the space, capitals without it.
    ("The letter was addressed to London SW1A 2AA.", Postcode, "SW1A 2AA"),
    ("The placement was in M1 1AE, near the station.", Postcode, "M1 1AE"),
    ("Sessions ran at the community centre, B33 8TH.", Postcode, "B33 8TH"),
    ("Our Edinburgh campus is at EH1 2NG.", Postcode, "EH1 2NG"),
    ("The screenshot shows her address ending cf10 3at.", Postcode, "cf10 3at"),
    ("Post the printed copy to CR2 6XH please.", Postcode, "CR2 6XH"),
    ("The enrolment form said DN551PT in full.", Postcode, "DN551PT"),
    ("Home visits around LS1 4AP were recorded in the log.", Postcode, "LS1 4AP"),
    ("The broadcaster's address, W1A 0AX, was on the letter.", Postcode, "W1A 0AX"),
    // Student IDs, only when something says they are one.
    ("Her student ID is 20231234 and she gave permission.", StudentId, "20231234"),
    ("Student number: 123456789 was visible on the screenshot.", StudentId, "123456789"),
    ("I blurred the ULN 1234567890 before the export.", StudentId, "1234567890"),
    ("The learner number 87654321 appeared in the gradebook.", StudentId, "87654321"),
    ("ID: S1234567 was visible in the page header.", StudentId, "S1234567"),
    ("The login box still showed student ID u1234567 in the corner.", StudentId, "u1234567"),
    ("Her Unique Learner Number 9876543210 is on the certificate.", StudentId, "9876543210"),
    ("The candidate number 004512 was printed on every page.", StudentId, "004512"),
    ("His student no. 2210345 was on the marking sheet.", StudentId, "2210345"),
    // Learners' names after the words that introduce them.
    ("My student Priya Shah said the quiz helped her revise.", LearnerName, "Priya Shah"),
    ("The learner, Tom, asked for captions on every video.", LearnerName, "Tom"),
    ("Pupil Amelia finished the task early and helped others.", LearnerName, "Amelia"),
    ("One apprentice, Jamal, built the first prototype.", LearnerName, "Jamal"),
    ("I asked the trainee Siân Evans to trial the new form.", LearnerName, "Siân Evans"),
    ("A student called Jack struggled with the log-in page.", LearnerName, "Jack"),
    ("Feedback from student Zoë was positive.", LearnerName, "Zoë"),
    ("My mentee, Aisha Khan, led the second session.", LearnerName, "Aisha Khan"),
    ("The pupils Oliver and Grace presented their findings.", LearnerName, "Oliver"),
    ("The pupils Oliver and Grace presented their findings.", LearnerName, "Grace"),
    ("Afterwards student Liam O'Connor reported the bug.", LearnerName, "Liam O'Connor"),
    ("Student Mary-Jane noticed the broken link first.", LearnerName, "Mary-Jane"),
    ("The learner (Ben) who uses a screen reader tested it.", LearnerName, "Ben"),
    ("I have attached my student Tom's essay as E4.", LearnerName, "Tom"),
    ("Two learners, Kasia, Dev and Ellie, volunteered.", LearnerName, "Kasia"),
    ("Two learners, Kasia, Dev and Ellie, volunteered.", LearnerName, "Dev"),
    ("Two learners, Kasia, Dev and Ellie, volunteered.", LearnerName, "Ellie"),
];

/// Sentences with nothing personal in them: dates, money, versions, references, counts and
/// the ordinary ways a teacher writes about students. Any finding here is a false alarm.
const FALSE_POSITIVES: &[&str] = &[
    // Dates, years and times.
    "The pilot ran from 2024-05-01 to 2024-07-19.",
    "Submitted on 01/05/2024 and marked by 15/05/2024.",
    "The workshop took place on 1 May 2024 in the library.",
    "I worked at the college between 2018-2021 as a lecturer.",
    "The report was version 2.10.3, dated 03.05.2024.",
    "Published 12 March 2023 and updated on 3rd April 2024.",
    "The webinar started at 10:30 and ended at 11:45.",
    "Timetable: 09:00-10:30, 11:00-12:30 and 13:30-15:00.",
    "The budget lines were 2024-25 and 2025-26.",
    "I have been a member of ALT since 2015.",
    // Money and percentages.
    "The licence cost £1,200 a year.",
    "Each headset was £45.50 including VAT.",
    "The US subscription is $300 per seat.",
    "Attendance rose by 12% and completion by 8.5%.",
    "Completion went from 0.62 to 0.81 across the year.",
    // Versions, standards and laws.
    "We upgraded to Moodle 4.1 over the summer.",
    "The plugin moved from v2.3.1 to v2.4.0.",
    "All videos now meet WCAG 2.2 AA.",
    "The college is certified to ISO 27001.",
    "See ISO/IEC 27001:2022 and ISO 9001 for the wider picture.",
    "Version 10.0.19045 of Windows was on the lab machines.",
    "The laptops run Windows 11 23H2.",
    "Error code 0x80070005 appeared when the upload failed.",
    "The Data Protection Act 2018 shaped our consent form.",
    "The Equality Act 2010 requires reasonable adjustments.",
    "GDPR Article 6(1)(e) was our lawful basis.",
    // Evidence and section numbers.
    "See the screenshot in [E12] and the survey in E3.",
    "This section covers 1a and 3b of the framework.",
    "See E3 1st screenshot and E4 2nd one.",
    "See the table on p. 12 and figure 3b.",
    "Section 4 of the ALT guidelines (2018) explains this.",
    // Counts.
    "More than 1200 students used the quiz in its first week.",
    "Most learners were aged 18-24 and studied part time.",
    "Over 2,500 learners enrolled in 2023/24.",
    "The Moodle site served 14,000 users at a peak of 320 per minute.",
    "The report runs to 120 pages (pp. 45-67 are the relevant ones).",
    "The room holds 30 and the lab holds 24.",
    "The trial ran for 12 weeks with 3 groups of 25.",
    "Grades improved from 4 to 6 on average.",
    "The 2nd and 3rd cohorts used the revised version.",
    "Student number 3 in my sample preferred audio feedback.",
    "The course ID 4521 was on the slide.",
    "The ID card scheme covers 1500 staff.",
    // References.
    "Biggs, J. (2011) Teaching for Quality Learning. ISBN 978-0-33-524275-7.",
    "Laurillard, D. (2012) Teaching as a Design Science. ISBN 0415803853.",
    "Race, P. (2014) Making Learning Happen. ISBN 0198506732.",
    "Available at doi:10.1080/01587919.2020.1821607.",
    "Retrieved from https://doi.org/10.1016/j.compedu.2019.103778 in May.",
    "Available at https://www.example.ac.uk/files/0161496000012/report.pdf today.",
    // The ordinary ways of writing about learners.
    "The students said the captions helped.",
    "Learners in Year 9 tried the new quiz.",
    "The Students' Union ran a survey on digital access.",
    "We listened to student voice throughout the project.",
    "Our learner analytics dashboard flagged low engagement.",
    "I asked the students. Then I changed the design.",
    "Student Voice panels met every term.",
    "The National Student Survey results improved.",
    "Student Services helped with the accessibility plan.",
    "Students Union officers joined the steering group.",
    "Supporting Learners Through Padlet",
    "Learners With Dyslexia: A Case Study",
    "Student A and Student B agreed to share their work.",
    "Learner 3 found the menu confusing.",
    "The apprentices Moodle course has 14 units.",
    "Pupils Year 7 to 9 took part in the pilot.",
    "I supported trainee teachers on placement.",
    "The student, who asked not to be named, agreed to the quote.",
    "Our students: I asked them to rate each tool.",
    "A learner-led approach worked best.",
    "Students' feedback was overwhelmingly positive.",
    "Learners. The first group met on Monday.",
    "I mentored three apprentices in 2022.",
    "Level 3 BTEC learners used Teams for group work.",
    "Our learners' work is on the VLE.",
    "A Student Digital Champions scheme started in 2021.",
    "Trainee Nursing Associates used the app on placement.",
    "Survey of learners, May 2024.",
    "My students Google Classroom had 30 members.",
    "Students\nThe next paragraph starts here.",
    "Learners Who Care: the 2023 conference.",
    "ESOL learners EAL support was the focus.",
    // Not phone numbers, not addresses.
    "@ALT_UK shared the post on Friday.",
    "Phone: ask at reception for the number.",
    "Our ticket reference INC0012345 was logged with IT.",
    "The MP3 files were 128 kbps.",
];

fn personal_findings(text: &str) -> Vec<(PersonalDataKind, String)> {
    find_personal_data(text)
        .into_iter()
        .map(|finding| (finding.kind, finding.matched))
        .collect()
}

#[test]
fn the_tables_are_as_big_as_the_brief_asks() {
    assert!(TRUE_POSITIVES.len() >= 40, "at least 40 true positives");
    assert!(FALSE_POSITIVES.len() >= 60, "at least 60 false positives");
}

#[test]
fn every_true_positive_is_found_and_nothing_else_in_its_sentence() {
    let mut expected: BTreeMap<&str, Vec<(PersonalDataKind, String)>> = BTreeMap::new();
    for &(text, kind, matched) in TRUE_POSITIVES {
        expected
            .entry(text)
            .or_default()
            .push((kind, matched.to_string()));
    }
    let mut failures = Vec::new();
    for (text, mut wanted) in expected {
        let mut found = personal_findings(text);
        wanted.sort_by(|a, b| a.1.cmp(&b.1));
        found.sort_by(|a, b| a.1.cmp(&b.1));
        if found != wanted {
            failures.push(format!("{text:?}\n  wanted {wanted:?}\n  found  {found:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "each sentence must give exactly its listed findings:\n{}",
        failures.join("\n")
    );
}

#[test]
fn no_false_positive_is_flagged() {
    let failures: Vec<String> = FALSE_POSITIVES
        .iter()
        .filter_map(|text| {
            let found = personal_findings(text);
            (!found.is_empty()).then(|| format!("{text:?} gave {found:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "ordinary writing must not be flagged as personal data:\n{}",
        failures.join("\n")
    );
}

#[test]
fn ranges_point_at_the_matched_text_and_replacements_name_the_kind() {
    let text = TRUE_POSITIVES
        .iter()
        .map(|row| row.0)
        .collect::<Vec<_>>()
        .join(" Then ");
    let findings = find_personal_data(&text);
    assert!(
        findings.len() >= TRUE_POSITIVES.len(),
        "joined sentences keep every finding"
    );
    for finding in &findings {
        assert_eq!(
            &text[finding.range.clone()],
            finding.matched,
            "a range must cut out exactly the matched text, so the UI can replace it"
        );
        let replacement = match finding.kind {
            Email => "[email address]",
            Phone => "[phone number]",
            Postcode => "[postcode]",
            StudentId => "[student ID]",
            LearnerName => "[learner]",
        };
        assert_eq!(finding.replacement, replacement);
    }
    assert!(
        findings
            .windows(2)
            .all(|pair| pair[0].range.end <= pair[1].range.start),
        "findings come in text order and never overlap"
    );
}

#[test]
fn kinds_cross_to_the_ui_in_snake_case() {
    let finding = &find_personal_data("her student ID is 20231234")[0];
    let json = serde_json::to_value(finding).unwrap();
    assert_eq!(json["kind"], "student_id");
    assert_eq!(json["range"]["start"], 18);
    assert_eq!(json["replacement"], "[student ID]");
}

#[test]
fn a_long_text_is_read_in_one_pass() {
    // 20,000 words of ordinary prose with a phone number every 500 words: linear patterns
    // find all 40 and nothing else, however long the text grows.
    let paragraph = "The students said the Moodle 4.1 quiz from 2024-05-01 helped; 1200 learners \
                     in Year 9 used it and the Students' Union paid £1,200. ";
    let mut text = String::new();
    let mut words = 0;
    let mut phones = 0;
    while words < 20_000 {
        text.push_str(paragraph);
        words += paragraph.split_whitespace().count();
        if words / 500 > phones {
            text.push_str("Ring 07700 900123 today. ");
            phones += 1;
        }
    }
    let found = find_personal_data(&text);
    assert_eq!(
        found.len(),
        phones,
        "one finding per phone number, no false alarms"
    );
    assert!(found.iter().all(|finding| finding.kind == Phone));
}

/// Addresses and what the link check must say about them, in order.
#[rustfmt::skip]
const LINKS: &[(&str, &[LinkFindingKind])] = &[
    ("https://docs.google.com/document/d/1AbCdEfGh/edit", &[NeedsSignIn]),
    ("https://docs.google.com/spreadsheets/d/1xYz/edit#gid=0", &[NeedsSignIn]),
    ("https://docs.google.com/presentation/d/1xYz/edit?usp=sharing", &[NeedsSignIn]),
    ("https://drive.google.com/file/d/1AbC/view?usp=sharing", &[NeedsSignIn]),
    ("https://drive.google.com/drive/folders/1AbC", &[NeedsSignIn]),
    ("https://docs.google.com/forms/d/e/1FAIpQLSf/viewform", &[NeedsSignIn]),
    ("https://forms.gle/AbCdEf123", &[NeedsSignIn]),
    ("https://classroom.google.com/c/NjAbCd", &[NeedsSignIn]),
    ("https://myuni.sharepoint.com/sites/elearning/Shared%20Documents/report.pdf", &[NeedsSignIn]),
    ("https://myuni-my.sharepoint.com/:w:/g/personal/j_smith_myuni_ac_uk/EAbc", &[NeedsSignIn]),
    ("https://onedrive.live.com/?cid=123&id=456", &[NeedsSignIn]),
    ("https://1drv.ms/w/s!AbCdEf", &[NeedsSignIn]),
    ("https://teams.microsoft.com/l/channel/19%3aabc/General", &[NeedsSignIn]),
    ("https://forms.office.com/r/AbC123", &[NeedsSignIn]),
    ("https://moodle.college.ac.uk/course/view.php?id=123", &[NeedsSignIn]),
    ("https://vle.example.ac.uk/moodle/mod/forum/discuss.php?d=45", &[NeedsSignIn]),
    ("https://college.instructure.com/courses/1234/pages/week-1", &[NeedsSignIn]),
    ("https://learn.uni.ac.uk/webapps/blackboard/content/listContent.jsp?course_id=_1_1", &[NeedsSignIn]),
    ("https://uni.blackboard.com/ultra/courses/_123_1/cl/outline", &[NeedsSignIn]),
    ("http://localhost:3000/portfolio", &[PrivateAddress]),
    ("http://127.0.0.1/evidence.pdf", &[PrivateAddress]),
    ("http://10.0.4.12/share/video.mp4", &[PrivateAddress]),
    ("http://172.20.1.5/", &[PrivateAddress]),
    ("http://192.168.1.20/files/report.pdf", &[PrivateAddress]),
    ("http://169.254.1.1/", &[PrivateAddress]),
    ("http://nas.local/evidence", &[PrivateAddress]),
    ("http://[::1]:8080/", &[PrivateAddress]),
    ("http://[fd00::1]/", &[PrivateAddress]),
    ("http://intranet/staff/policy.pdf", &[PrivateAddress]),
    ("http://192.168.1.20/course/view.php?id=1", &[PrivateAddress, NeedsSignIn]),
    ("", &[Malformed]),
    ("www.example.com/evidence", &[Malformed]),
    ("https://example.com/my evidence.pdf", &[Malformed]),
    ("https://exa mple.com/", &[Malformed]),
    ("https://", &[Malformed]),
    ("ftp://files.example.com/a.pdf", &[Malformed]),
    ("file:///C:/Users/me/evidence.docx", &[Malformed]),
    ("javascript:alert(1)", &[Malformed]),
    ("htps://example.com", &[Malformed]),
    ("mailto:", &[Malformed]),
    ("mailto:not-an-address", &[Malformed]),
];

/// Links an assessor can open: they must pass clean.
const CLEAN_LINKS: &[&str] = &[
    "https://www.alt.ac.uk/cmalt",
    "https://docs.google.com/document/d/e/2PACX-1vQabc123/pub",
    "https://docs.google.com/presentation/d/e/2PACX-1vRxyz/pub?start=false&loop=false",
    "https://docs.google.com/spreadsheets/d/e/2PACX-1vSxyz/pubhtml",
    "https://docs.google.com/spreadsheets/d/e/2PACX-1vSxyz/pub?output=csv",
    "https://docs.google.com/document/d/1AbCdEfGh/pub",
    "https://youtu.be/dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://padlet.com/x/y",
    "mailto:a@b.org",
    "https://www.ed.ac.uk/information-services/learning-technology",
    "https://www.open.ac.uk/courses",
    "https://sites.google.com/view/my-cmalt-portfolio",
    "http://www.example.ac.uk/",
    "https://moodle.org/plugins/mod_hvp",
    "https://en.wikipedia.org/wiki/Moodle",
    "https://doi.org/10.1080/01587919.2020.1821607",
    "https://193.62.83.10/",
    "  https://www.alt.ac.uk/cmalt  ",
];

#[test]
fn every_link_gets_exactly_its_findings() {
    let failures: Vec<String> = LINKS
        .iter()
        .filter_map(|&(address, wanted)| {
            let found: Vec<LinkFindingKind> = check_link(address).iter().map(|f| f.kind).collect();
            (found != wanted).then(|| format!("{address:?}: wanted {wanted:?}, found {found:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "link findings:\n{}",
        failures.join("\n")
    );
}

#[test]
fn links_an_assessor_can_open_pass_clean() {
    let failures: Vec<String> = CLEAN_LINKS
        .iter()
        .filter_map(|address| {
            let found = check_link(address);
            (!found.is_empty()).then(|| format!("{address:?} gave {found:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "public links must pass:\n{}",
        failures.join("\n")
    );
}

#[test]
fn sign_in_findings_name_the_service_and_say_what_to_do() {
    let drive = check_link("https://drive.google.com/file/d/1AbC/view");
    let finding = &drive[0];
    assert_eq!(finding.service.as_deref(), Some("Google Drive"));
    assert!(
        finding.advice.contains("Anyone with the link"),
        "Drive advice must name the sharing setting: {}",
        finding.advice
    );
    assert!(
        finding.reason.contains("cannot see"),
        "the candidate must know the app cannot check the setting: {}",
        finding.reason
    );
    let personal = &check_link("https://myuni-my.sharepoint.com/personal/x/Documents/a.docx")[0];
    assert_eq!(
        personal.service.as_deref(),
        Some("OneDrive for work or school"),
        "a personal OneDrive is named before the SharePoint it lives on"
    );
    let private = &check_link("http://192.168.0.4/a.pdf")[0];
    assert!(private.service.is_none());
    assert!(!private.reason.is_empty() && !private.advice.is_empty());
}

#[test]
fn findings_cross_to_the_ui_in_snake_case() {
    let json = serde_json::to_value(&check_link("http://localhost/")[0]).unwrap();
    assert_eq!(json["kind"], "private_address");
    let json = serde_json::to_value(&check_link("https://teams.microsoft.com/l/x")[0]).unwrap();
    assert_eq!(json["kind"], "needs_sign_in");
    assert_eq!(json["severity"], "warning");
}

/// File names and the open format the advice must suggest.
#[rustfmt::skip]
const FORMATS: &[(&str, Option<&str>)] = &[
    ("Reflection.docx", Some("PDF or ODT")),
    ("OLD-NOTES.DOC", Some("PDF or ODT")),
    ("C:\\Users\\me\\Evidence\\Report.docx", Some("PDF or ODT")),
    ("slides.pptx", Some("PDF")),
    ("lecture.ppt", Some("PDF")),
    ("marks.xlsx", Some("PDF, CSV or ODS")),
    ("register.xls", Some("PDF, CSV or ODS")),
    ("plan.pages", Some("PDF")),
    ("talk.key", Some("PDF")),
    ("budget.numbers", Some("PDF or CSV")),
    ("poster.psd", Some("PNG")),
    ("IMG_0042.HEIC", Some("JPEG or PNG")),
    ("report.pdf", None),
    ("notes.odt", None),
    ("video.mp4", None),
    ("clip.mov", None),
    ("README", None),
    ("archive.docx.pdf", None),
    ("evidence.docx/screenshot.png", None),
    ("", None),
];

#[test]
fn proprietary_formats_get_their_open_alternative() {
    for &(name, wanted) in FORMATS {
        let advice = proprietary_format(name);
        assert_eq!(
            advice.as_ref().map(|a| a.open_alternative.as_str()),
            wanted,
            "{name:?}"
        );
        if let Some(advice) = advice {
            assert!(
                !advice.format.is_empty() && advice.advice.ends_with('.'),
                "{name:?}: the advice is one plain sentence"
            );
        }
    }
}
