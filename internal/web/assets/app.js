// bitext review page: keyboard moves between segments, saves go to the
// server as JSON, which keeps them as reviewed and writes the outputs.
"use strict";
(function () {
  const post = document.body.dataset.post;
  const rows = Array.from(document.querySelectorAll("tr.row"));
  const message = document.getElementById("message");
  let focused = -1;

  function focusRow(i) {
    if (i < 0 || i >= rows.length) return;
    if (focused >= 0) rows[focused].classList.remove("focused");
    focused = i;
    rows[i].classList.add("focused");
    const ta = rows[i].querySelector("textarea");
    ta.focus();
    rows[i].scrollIntoView({ block: "center" });
  }

  // preview shows a saved translation with the glossary's targets marked.
  function preview(row, text) {
    const div = row.querySelector(".preview");
    const terms = JSON.parse(div.dataset.terms || "null") || [];
    div.textContent = "";
    let rest = text;
    while (rest.length > 0) {
      let at = -1, term = "";
      for (const t of terms) {
        const i = t ? rest.indexOf(t) : -1;
        if (i >= 0 && (at < 0 || i < at || (i === at && t.length > term.length))) { at = i; term = t; }
      }
      if (at < 0) { div.append(rest); break; }
      div.append(rest.slice(0, at));
      const m = document.createElement("mark");
      m.textContent = term;
      div.append(m);
      rest = rest.slice(at + term.length);
    }
  }

  function edit(row) {
    const ta = row.querySelector("textarea");
    return { id: row.dataset.id, markdown: ta.value, reviewed: row.querySelector(".reviewed").checked };
  }

  async function save(i) {
    const row = rows[i];
    const err = row.querySelector(".row-error");
    err.textContent = "";
    const e = edit(row);
    // Saving a segment marks it reviewed: the reviewer has read it.
    e.reviewed = true;
    let reply;
    try {
      const res = await fetch("/post/" + post + "/save", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ edits: [e] }),
      });
      reply = await res.json();
    } catch (x) {
      err.textContent = "not saved: " + x;
      return false;
    }
    if (!reply.ok) {
      err.textContent = "not saved: " + reply.error;
      return false;
    }
    row.querySelector("textarea").dataset.saved = e.markdown;
    preview(row, e.markdown);
    row.querySelector(".reviewed").checked = true;
    row.classList.remove("dirty", "machine", "imported");
    row.classList.add("reviewed");
    if (reply.reviewed) document.getElementById("progress").textContent = reply.reviewed.replace(/^true$/, rows.length + "/" + rows.length).replace(/^false$/, "0/" + rows.length);
    message.textContent = "Saved: outputs " + (reply.outputs || "unchanged") + ".";
    return true;
  }

  rows.forEach((row, i) => {
    const ta = row.querySelector("textarea");
    ta.addEventListener("focus", () => { if (focused !== i) { if (focused >= 0) rows[focused].classList.remove("focused"); focused = i; row.classList.add("focused"); } });
    ta.addEventListener("input", () => row.classList.toggle("dirty", ta.value !== ta.dataset.saved));
    const box = row.querySelector(".reviewed");
    box.addEventListener("change", () => {
      if (box.checked) { save(i); return; }
      // A reviewed translation stays reviewed: edit it to change it.
      box.checked = true;
      message.textContent = "A reviewed segment stays reviewed; edit its translation and save to change it.";
    });
  });

  document.addEventListener("keydown", async (ev) => {
    if (ev.altKey && ev.key === "ArrowDown") { ev.preventDefault(); focusRow(focused + 1); }
    else if (ev.altKey && ev.key === "ArrowUp") { ev.preventDefault(); focusRow(focused - 1); }
    else if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter" && focused >= 0) {
      ev.preventDefault();
      if (await save(focused)) focusRow(focused + 1);
    } else if ((ev.ctrlKey || ev.metaKey) && ev.key === "s" && focused >= 0) {
      ev.preventDefault();
      save(focused);
    }
  });

  if (rows.length > 0) focusRow(0);
})();
