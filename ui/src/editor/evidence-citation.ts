// An evidence citation `[E3]` as one inline atom: a chip in the editor, the bare token in the Markdown.
import { InputRule, Node } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";

/** `[E3]` as the core reads it: not a link `[E3](…)` nor a reference `[E3][…]`. */
export const CITATION_TOKEN = /^\[E(\d+)\](?![([])/;
const CITATION_START = /\[E\d+\](?![([])/;
// Typing the closing bracket of `[E3]` turns it into a chip, as a pasted or inserted one would be.
const TYPED_CITATION = /\[E(\d+)\]$/;

export interface EvidenceCitationOptions {
  /** a click or Enter on a chip */
  onOpen?: (id: string) => void;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    evidenceCitation: {
      insertCitation: (id: string) => ReturnType;
    };
  }
}

export const EvidenceCitation = Node.create<EvidenceCitationOptions>({
  name: "evidenceCitation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  // Bold or a link around a chip would have no Markdown form next to the bare token.
  marks: "",

  addOptions() {
    return { onOpen: undefined };
  },

  addAttributes() {
    return {
      id: {
        default: "E1",
        parseHTML: (element) => element.getAttribute("data-evidence"),
        renderHTML: (attributes) => ({ "data-evidence": attributes.id }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span.evidence-chip[data-evidence]" }];
  },

  renderHTML({ node }) {
    return ["span", { class: "evidence-chip", "data-evidence": node.attrs.id, role: "link", tabindex: "0" }, node.attrs.id];
  },

  renderText({ node }) {
    return `[${node.attrs.id}]`;
  },

  markdownTokenizer: {
    name: "evidenceCitation",
    level: "inline",
    start: (src: string) => src.search(CITATION_START),
    tokenize(src: string) {
      const match = CITATION_TOKEN.exec(src);
      return match ? { type: "evidenceCitation", raw: match[0], id: `E${match[1]}` } : undefined;
    },
  },

  parseMarkdown(token, helpers) {
    return helpers.createNode("evidenceCitation", { id: token.id });
  },

  renderMarkdown(node) {
    return `[${node.attrs?.id ?? ""}]`;
  },

  addCommands() {
    return {
      insertCitation:
        (id) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { id } }),
    };
  },

  addKeyboardShortcuts() {
    return {
      // Enter on a selected chip opens it rather than replacing it with a new paragraph.
      Enter: ({ editor }) => {
        const { selection } = editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type !== this.type) return false;
        this.options.onOpen?.(selection.node.attrs.id);
        return true;
      },
    };
  },

  addInputRules() {
    return [
      new InputRule({
        find: TYPED_CITATION,
        handler: ({ state, range, match }) => {
          state.tr.replaceWith(range.from, range.to, this.type.create({ id: `E${match[1]}` }));
        },
      }),
    ];
  },

  addNodeView() {
    // A plain DOM chip, so a click or Enter reaches onOpen without a ProseMirror plugin.
    return ({ node }) => {
      const chip = document.createElement("span");
      chip.className = "evidence-chip";
      chip.dataset.evidence = node.attrs.id;
      chip.setAttribute("role", "link");
      chip.tabIndex = 0;
      chip.textContent = node.attrs.id;
      chip.contentEditable = "false";
      const open = (event: Event) => {
        event.preventDefault();
        this.options.onOpen?.(node.attrs.id);
      };
      chip.addEventListener("click", open);
      chip.addEventListener("keydown", (event) => {
        if (event.key === "Enter") open(event);
      });
      return { dom: chip, ignoreMutation: () => true, stopEvent: (event) => event.type === "click" || event.type === "keydown" };
    };
  },
});
