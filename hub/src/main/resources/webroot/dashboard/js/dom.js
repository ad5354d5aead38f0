// Building DOM without HTML strings: text goes in as text, never as markup.

/** `el("li", {class: "x", dataset: {id: 1}}, "text", child)` */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) {
      continue;
    }
    if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name === "class") {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.filter((c) => c != null));
  return element;
}

/** Sets text only when it changed, so screen readers are not told the same thing twice. */
export function setText(element, text) {
  if (element && element.textContent !== text) {
    element.textContent = text;
  }
}

export function byId(id) {
  return document.getElementById(id);
}
