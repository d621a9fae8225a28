// Clipboard HTML as Google Docs, Word, LibreOffice and web pages really put it there, cleaned.
import { describe, expect, it, vi } from "vitest";
import { cursorAfter, mountEditor } from "../test/rich-editor";
import { cleanPastedHtml, dataUrlImages, handlePastedImages } from "./paste-html";

// Google Docs (Chrome): a <meta>, then everything inside a <b> that is NOT bold; bold and italic
// are spans with styles; list items hold a <p role="presentation">; a nested list sits straight
// inside its parent list.
const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3f1c2a7e-7fff-9d1b-6c2e-0a1b2c3d4e5f"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Feedback design</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">I compared </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">three</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> options</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> (see </span><a href="https://www.google.com/url?q=https://northfold.example/guide&amp;sa=D" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">the guide</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">).</span></p><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Turnitin voice comments</span></p></li><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="2"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">three-minute limit</span></p></li></ul><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Stream recordings</span></p></li></ul><br><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200"><col width="200"></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Tool</span></p></td><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Captions</span></p></td></tr><tr style="height:0pt"><td style="vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">Stream</span></p></td><td style="vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">Automatic</span></p></td></tr></tbody></table></div></b><br class="Apple-interchange-newline">`;

// Word for Windows (desktop): a full document with Office namespaces, conditional comments,
// MsoNormal paragraphs, <o:p>, a bulleted and a numbered list as MsoListParagraph paragraphs with
// typed bullets, a comment reference and the comment list, and tracked changes.
const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15"><meta name=Originator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- /* Font Definitions */ @font-face {font-family:"Cambria Math";} p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style>
</head>
<body lang=EN-GB link="#0563C1" vlink="#954F72" style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span style='mso-fareast-font-family:"Times New Roman"'>Reflection<o:p></o:p></span></h1>
<p class=MsoNormal><span style='mso-ansi-language:EN-GB'>The pilot <b style='mso-bidi-font-weight:normal'>worked</b> for <i style='mso-bidi-font-style:normal'>most</i> staff<span class=MsoCommentReference><span style='font-size:8.0pt;line-height:107%'><![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" onmouseover="msoCommentShow('_anchor_1','_com_1')" onmouseout="msoCommentHide('_com_1')" href="#_msocom_1" language=JavaScript name="_msoanchor_1">[TO1]</a><![endif]><span style='mso-special-character:comment'>&nbsp;</span></span></span>, <del cite="mailto:Tamsin%20Oduya" datetime="2026-02-03T10:15">though not all</del><ins cite="mailto:Tamsin%20Oduya" datetime="2026-02-03T10:16">and the rest asked for help</ins>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Quizzes<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Question banks<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Forums<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Plan<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Review<o:p></o:p></p>
<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]><![if !supportAnnotations]><div style='mso-element:comment'><![if !supportAnnotations]><div id="_com_1" class=msocomtxt language=JavaScript onmouseover="msoCommentShow('_anchor_1','_com_1')" onmouseout="msoCommentHide('_com_1')"><![endif]><div><p class=MsoCommentText><span class=MsoCommentReference><span style='font-size:8.0pt'><span style='mso-special-character:comment'>&nbsp;</span></span></span>Check with the DPO first</p></div><![if !supportAnnotations]></div><![endif]></div><![endif]></div>
<!--EndFragment-->
</body>
</html>`;

// LibreOffice Writer: a full document, "western" classes, <font> for faces and sizes.
const LIBREOFFICE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/><style type="text/css">@page { size: 21cm 29.7cm; margin: 2cm } p { line-height: 115%; margin-bottom: 0.25cm; background: transparent } h2.western { font-family: "Liberation Sans", sans-serif; font-size: 16pt }</style></head><body lang="en-GB" link="#000080" vlink="#800000" dir="ltr"><h2 class="western">Section 2b – Accessibility</h2><p class="western" style="margin-bottom: 0cm; line-height: 100%"><font face="Liberation Serif, serif"><font size="3" style="font-size: 12pt">I checked every quiz with a <b>screen reader</b> and the <i>WCAG 2.2</i> criteria.</font></font></p><ul><li><p class="western" style="margin-bottom: 0cm; line-height: 100%"><font face="Liberation Serif, serif">Alt text</font></p></li><li><p class="western" style="margin-bottom: 0cm; line-height: 100%"><font face="Liberation Serif, serif">Colour contrast</font></p></li></ul><p class="western" style="margin-bottom: 0cm; line-height: 100%"><br/></p></body></html>`;

// A web page: scripts, styles, a picture, classes everywhere, a javascript: link.
const WEB_PAGE = `<html><body><!--StartFragment--><div class="article-body"><style>.x{color:red}</style><script>track()</script><h1 class="title">Digital capabilities</h1><p class="lead" style="color:#333">The <strong>framework</strong> has <em>six</em> elements. <img src="https://jisc.example/wheel.png" alt="wheel"> <a href="javascript:alert(1)">Click</a> <a class="ext" href="https://jisc.example/dc" target="_blank" rel="noopener">Read more</a></p><blockquote class="pull"><p>Confidence matters.</p></blockquote><ol start="3"><li>Third</li><li>Fourth</li></ol></div><!--EndFragment--></body></html>`;

describe("cleaning pasted HTML", () => {
  it("Google Docs: not bold from the wrapper; links unwrapped from the redirector; bold and italic from styles; real nested lists; tables", () => {
    expect(cleanPastedHtml(GOOGLE_DOCS)).toBe(
      '<h2>Feedback design</h2><p>I compared <strong>three</strong><em> options</em> (see <a href="https://northfold.example/guide">the guide</a>).</p>' +
        "<ul><li><p>Turnitin voice comments</p><ul><li><p>three-minute limit</p></li></ul></li><li><p>Stream recordings</p></li></ul>" +
        "<table><tbody><tr><th><p><strong>Tool</strong></p></th><th><p><strong>Captions</strong></p></th></tr><tr><td><p>Stream</p></td><td><p>Automatic</p></td></tr></tbody></table>",
    );
  });

  it("Word: real lists from list paragraphs, no comments, deletions dropped, insertions kept", () => {
    expect(cleanPastedHtml(WORD).replace(/\n/g, "")).toBe(
      "<h2>Reflection</h2><p>The pilot <strong>worked</strong> for <em>most</em> staff, and the rest asked for help.</p>" +
        "<ul><li><p>Quizzes</p><ul><li><p>Question banks</p></li></ul></li><li><p>Forums</p></li></ul>" +
        "<ol><li><p>Plan</p></li><li><p>Review</p></li></ol>",
    );
  });

  it("LibreOffice: headings and lists kept, fonts and classes gone", () => {
    expect(cleanPastedHtml(LIBREOFFICE)).toBe(
      "<h2>Section 2b – Accessibility</h2><p>I checked every quiz with a <strong>screen reader</strong> and the <em>WCAG 2.2</em> criteria.</p>" +
        "<ul><li><p>Alt text</p></li><li><p>Colour contrast</p></li></ul>",
    );
  });

  it("web pages: no scripts, styles, pictures or unsafe links", () => {
    expect(cleanPastedHtml(WEB_PAGE)).toBe(
      '<h2>Digital capabilities</h2><p>The <strong>framework</strong> has <em>six</em> elements.  Click <a href="https://jisc.example/dc">Read more</a></p>' +
        '<blockquote><p>Confidence matters.</p></blockquote><ol start="3"><li>Third</li><li>Fourth</li></ol>',
    );
  });
});

describe("pasting into the editor", () => {
  function paste(html: string, markdown = "") {
    const editor = mountEditor(markdown);
    const event = Object.assign(new Event("paste", { bubbles: true, cancelable: true }), {
      clipboardData: {
        getData: (type: string) => (type === "text/html" ? html : type === "text/plain" ? "x" : ""),
        files: [],
        types: ["text/html", "text/plain"],
      },
    });
    editor.element.dispatchEvent(event);
    return editor;
  }

  it("keeps a Google Docs paste's structure, saved as Markdown", () => {
    const editor = paste(GOOGLE_DOCS);
    expect(editor.getMarkdown()).toBe(
      "## Feedback design\n\nI compared **three** *options* (see [the guide](https://northfold.example/guide)).\n\n" +
        "- Turnitin voice comments\n  - three-minute limit\n- Stream recordings\n\n| **Tool** | **Captions** |\n| -------- | ------------ |\n| Stream   | Automatic    |",
    );
  });

  it("keeps a Word paste's lists and drops its comments and deletions", () => {
    const editor = paste(WORD);
    expect(editor.getMarkdown()).toBe(
      "## Reflection\n\nThe pilot **worked** for *most* staff, and the rest asked for help.\n\n- Quizzes\n  - Question banks\n- Forums\n\n1. Plan\n2. Review",
    );
  });
});

describe("pasted pictures", () => {
  const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  it("turns data: pictures in pasted HTML into files, and leaves them out of the text", () => {
    const html = `<p>Chart <img src="data:image/png;base64,${PNG}" alt="chart"></p>`;
    const files = dataUrlImages(html);
    expect(files.map((f) => [f.name, f.type])).toEqual([["pasted-picture-1.png", "image/png"]]);
    expect(cleanPastedHtml(html)).toBe("<p>Chart </p>");
  });

  it("hands clipboard picture files over instead of pasting them", () => {
    const onImages = vi.fn();
    const file = new File(["x"], "shot.png", { type: "image/png" });
    const data = { getData: () => "", files: [file] } as unknown as DataTransfer;
    expect(handlePastedImages(data, onImages)).toBe(true);
    expect(onImages).toHaveBeenCalledWith([file]);
  });

  it("ignores the picture Word adds beside its HTML", () => {
    const onImages = vi.fn();
    const data = {
      getData: (t: string) => (t === "text/html" ? "<p>text</p>" : ""),
      files: [new File(["x"], "image.png", { type: "image/png" })],
    };
    expect(handlePastedImages(data as unknown as DataTransfer, onImages)).toBe(false);
    expect(onImages).not.toHaveBeenCalled();
  });

  it("calls onPasteImages from the editor", () => {
    const onPasteImages = vi.fn();
    const editor = mountEditor("Text", { onPasteImages });
    cursorAfter(editor, "Text");
    const file = new File(["x"], "shot.png", { type: "image/png" });
    const event = Object.assign(new Event("paste", { bubbles: true, cancelable: true }), {
      clipboardData: { getData: () => "", files: [file], types: ["Files"] },
    });
    editor.element.dispatchEvent(event);
    expect(onPasteImages).toHaveBeenCalledWith([file]);
    expect(editor.getMarkdown()).toBe("Text");
  });
});
