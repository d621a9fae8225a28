// A picture written in the Markdown (`![alt](src)`), kept as it is and shown as a labelled chip:
// pictures are not part of the text here (evidence holds them), but one already written must
// not disappear from the saved text when the candidate edits around it.
import { Node } from "@tiptap/core";
import { linkDestination, linkTitle } from "./markdown-escape";

export const ImageReference = Node.create({
  name: "imageReference",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  marks: "",

  addAttributes() {
    return {
      src: { default: "" },
      alt: { default: "" },
      title: { default: null },
    };
  },

  // Never parsed from pasted HTML: a pasted picture goes to onPasteImages, not into the text.
  parseHTML() {
    return [];
  },

  renderHTML({ node }) {
    const label = node.attrs.alt ? `Picture: ${node.attrs.alt}` : "Picture";
    return ["span", { class: "image-ref", "data-src": node.attrs.src, title: node.attrs.src }, label];
  },

  renderText({ node }) {
    return node.attrs.alt;
  },

  markdownTokenName: "image",

  parseMarkdown(token, helpers) {
    return helpers.createNode("imageReference", { src: token.href ?? "", alt: token.text ?? "", title: token.title || null });
  },

  renderMarkdown(node) {
    const alt = String(node.attrs?.alt ?? "").replace(/[\\[\]]/g, "\\$&");
    const title = node.attrs?.title ? ` ${linkTitle(String(node.attrs.title))}` : "";
    return `![${alt}](${linkDestination(String(node.attrs?.src ?? ""))}${title})`;
  },
});
