// eqmorph page: the word pickers, ARIA combo boxes that autocomplete from the vocabulary, then the studio terms.
// Enter takes what was typed, a word or a phrase, and so does leaving the box (a click on the slider, Tab):
// typed text is never dropped silently. It stays in the box while the server is asked, and stays there when the
// server refuses it (or does not answer), marked invalid with the reason under the box, for the user to fix;
// Escape is the way back to the word on show. A row of the drop-down is taken only when it is
// highlighted: as the user types, the vocabulary word that is the typed text, or else the first row when it
// completes text that is no word of its own ("pres": presence, as a combobox takes its first suggestion);
// or a row the user moved to with the arrow keys or clicked. So "air" stays "air" though "airy" is listed too,
// "low" is asked for as typed, not replaced by "hollow", which merely contains it, and a phrase with no row
// ("a bit brighter") is asked for as typed.
import { $ } from "./dom.js";
import { fold, isKnownText, searchWords } from "./vocab.js";

// onChoose(text) is called with the text the user settled on, which the box shows until show() is called with the
// answer or refuse() with the refusal; onRevert() when the user goes back to the word on show (Escape, or an emptied
// box), so that the refusal of the text they gave up goes too; onEdit() when the user types in the box.
export function makePicker(side, onChoose, onRevert = () => {}, onEdit = () => {}) {
  const input = $(`#word-${side}`);
  const list = $(`#word-${side}-list`);
  let options = [];
  let active = -1;
  // Whether the highlight is typing's (typedRow), not a row the user moved to: the arrow keys start from no highlight
  // then, so that the first ArrowDown goes to the first row. From the highlighted first row it went to the second,
  // skipping the row a new user wanted (new-user trial 7).
  let typedHighlight = false;
  let shown = "";
  // Text in the box the server has been asked for, and is still to answer or has refused: leaving the box with it
  // as it is does not ask again (Enter does).
  let held = "";

  function hold(text, refused) {
    held = text;
    input.value = text || shown;
    if (refused) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function revert() {
    hold("", false);
    onRevert();
  }

  function render() {
    const items = options.map((entry, i) => {
      const li = document.createElement("li");
      li.id = `word-${side}-opt-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      li.dataset.word = entry.word;
      const name = document.createElement("span");
      name.textContent = entry.word;
      const aside = document.createElement("span");
      if (entry.studio) {
        // A studio term: tagged, with the spelling that matched under its name when it is another ("treble" over
        // "agudos") and the move it is defined as on hover; it has no examples to count.
        if (fold(entry.form) !== entry.folded) {
          const form = document.createElement("span");
          form.className = "form";
          form.textContent = entry.form;
          name.append(form);
        }
        li.classList.add("studio");
        li.title = `studio term: ${entry.summary}`;
        aside.className = "studio-tag";
        aside.textContent = "studio term";
      } else if (entry.lexicon) {
        // A lexicon word: what it reads as, which is the crowd's word the model answers with
        aside.className = "lexicon-tag";
        aside.textContent = `${entry.opposite ? "opposite of" : "→"} ${entry.means.join(", ")}`;
        li.title = `read as ${entry.opposite ? "the opposite of " : ""}${entry.means.join(" and ")}`;
      } else {
        aside.className = "count";
        aside.textContent = `${entry.count} ex.`;
      }
      li.append(name, aside);
      return li;
    });
    if (!items.length) {
      // Several words are a phrase the model reads ("a bit brighter", README's first example), not a failed search:
      // "no known word ... matches" told a new user their phrase was wrong (new-user trial 7).
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = fold(input.value).includes(" ")
        ? "a phrase: Enter reads it, and the note under the box says how"
        : "no known word or studio term matches; Enter asks the model anyway";
      items.push(li);
    }
    list.replaceChildren(...items);
    list.classList.toggle("typed", typedHighlight);
    if (active >= 0) input.setAttribute("aria-activedescendant", `word-${side}-opt-${active}`);
    else input.removeAttribute("aria-activedescendant");
    const current = list.querySelector('[aria-selected="true"]');
    if (current) current.scrollIntoView({ block: "nearest" });
  }

  // The row highlighted as the user types `query`: the typed word itself, or the first row if it completes a
  // text that is neither a vocabulary word nor a studio term's spelling ("bass" stays bass though "bassy" starts
  // with it); -1 (Enter takes the text as typed) for a row that merely holds the text, and for no row.
  function typedRow(query) {
    const key = fold(query);
    if (!key || !options.length) return -1;
    const first = options[0];
    if (first.folded === key) return 0;
    if (isKnownText(key)) return -1;
    return (first.studio ? fold(first.form) : first.folded).startsWith(key) ? 0 : -1;
  }

  // typed: the list follows typing, and highlights the row Enter takes (typedRow); otherwise (opening on focus or
  // by an arrow key) the highlight stays where the user put it.
  function open(query, typed) {
    options = searchWords(query);
    if (typed) active = typedRow(query);
    else active = Math.min(active, options.length - 1);
    typedHighlight = typed && active >= 0;
    render();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  // The box keeps the chosen text while the server is asked: show() then writes the answer's (or refuse() keeps it,
  // with the reason under the box). An emptied box goes back to the text on show.
  function commit(text) {
    active = -1;
    close();
    const chosen = (text || "").trim();
    if (!chosen) {
      revert();
      return;
    }
    hold(chosen, false);
    onChoose(chosen);
  }

  input.addEventListener("focus", () => {
    input.select();
    active = -1;
    open("", false);
  });
  input.addEventListener("input", () => {
    onEdit();
    open(input.value, true);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) open(input.value, false);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // From no highlight, or typing's, down goes to the first row and up to the last.
      const start = typedHighlight ? -1 : active;
      const from = start < 0 && step < 0 ? options.length : start;
      active = options.length ? (from + step + options.length) % options.length : -1;
      typedHighlight = false;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      commit(active >= 0 && options[active] ? options[active].word : input.value);
      input.blur();
    } else if (event.key === "Escape") {
      active = -1;
      close();
      revert();
      input.blur();
    }
  });
  // The list is out of the Tab order (tabindex -1 here and in the page): Chromium makes a scrolling box with no
  // focusable content a Tab stop of its own, so Tab went from the box to the list, which this handler then
  // hid, leaving the focus on <body> instead of the next control.
  list.tabIndex = -1;
  // Enter, Escape and a click on a row have settled the box before they blur it; any other way out (a click
  // elsewhere, Tab) takes the text as Enter would, the highlighted row included.
  // A box left with the refused text as it was is not asked again (Enter does that), nor is one left with the word
  // on show; an emptied box goes back to the word on show.
  input.addEventListener("blur", () => {
    const row = active >= 0 && !list.hidden ? options[active] : null;
    const choice = row ? row.word : input.value.trim();
    if (!choice) commit("");
    else if (choice !== shown && choice !== held) commit(choice);
    else if (choice === shown && held) revert(); // back to the word on show by hand: its refusal goes
    else close();
  });
  // mousedown, not click: a click would blur the input (and revert it) before choosing.
  list.addEventListener("mousedown", (event) => {
    const li = event.target.closest("li[data-word]");
    event.preventDefault();
    if (li) {
      commit(li.dataset.word);
      input.blur();
    }
  });

  return {
    // text: what the box shows (the user's words); word: the server's name for what they mean
    show(text, word) {
      shown = text;
      hold("", false);
      input.dataset.word = text;
      input.dataset.serverWord = word;
    },
    // text: what the user asked for and the server refused (or never answered), kept in the box to be fixed
    refuse(text) {
      hold(text, true);
    },
    // the refused text the box holds, "" if none
    refused: () => (input.getAttribute("aria-invalid") === "true" ? held : ""),
  };
}
