// eqmorph page: the word pickers, ARIA combo boxes that autocomplete from the vocabulary.
import { $ } from "./dom.js";
import { state } from "./state.js";
import { searchWords } from "./vocab.js";

// onChoose(word) is called with the word the user settled on; the picker shows state[side] until then.
export function makePicker(side, onChoose) {
  const input = $(`#word-${side}`);
  const list = $(`#word-${side}-list`);
  let options = [];
  let active = -1;

  function render() {
    const items = options.map((entry, i) => {
      const li = document.createElement("li");
      li.id = `word-${side}-opt-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      li.dataset.word = entry.word;
      const name = document.createElement("span");
      name.textContent = entry.word;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = `${entry.count} ex.`;
      li.append(name, count);
      return li;
    });
    if (!items.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = "no known word matches; Enter asks the model anyway";
      items.push(li);
    }
    list.replaceChildren(...items);
    if (active >= 0) input.setAttribute("aria-activedescendant", `word-${side}-opt-${active}`);
    else input.removeAttribute("aria-activedescendant");
    const current = list.querySelector('[aria-selected="true"]');
    if (current) current.scrollIntoView({ block: "nearest" });
  }

  function open(query) {
    options = searchWords(query);
    active = options.length ? Math.max(0, Math.min(active, options.length - 1)) : -1;
    render();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function commit(word) {
    close();
    const chosen = (word || "").trim();
    if (chosen) onChoose(chosen);
    else input.value = state[side];
  }

  input.addEventListener("focus", () => {
    input.select();
    active = -1;
    open("");
  });
  input.addEventListener("input", () => {
    active = 0;
    open(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) open(input.value);
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = options.length ? (active + step + options.length) % options.length : -1;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      commit(active >= 0 && options[active] ? options[active].word : input.value);
      input.blur();
    } else if (event.key === "Escape") {
      input.value = state[side];
      close();
      input.blur();
    }
  });
  input.addEventListener("blur", () => {
    close();
    input.value = state[side];
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
    show(word) {
      input.value = word;
      input.dataset.word = word;
    },
  };
}
