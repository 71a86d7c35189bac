// File inputs inside drop zones, shared by the single-plan page and the batch page: each zone takes files from its
// picker or by drag and drop, and says what was chosen (the input stays the real control, so keyboards work).

/** "Chosen: plan.docx (120 KB)", or a count when there are many. */
export function describeChosen(input) {
  const note = document.getElementById(`${input.id}-chosen`);
  const files = [...input.files];
  const kb = (bytes) => Math.max(1, Math.round(bytes / 1024));
  if (files.length === 0) note.textContent = input.multiple ? "No files chosen." : "No file chosen.";
  else if (files.length > 5) note.textContent = `Chosen: ${files.length} files (${kb(files.reduce((sum, f) => sum + f.size, 0))} KB in all)`;
  else note.textContent = `Chosen: ${files.map((f) => `${f.name} (${kb(f.size)} KB)`).join(", ")}`;
  input.closest(".drop-zone").classList.toggle("has-file", files.length > 0);
}

export function setUpDropZones(inputs) {
  for (const input of inputs) {
    const zone = input.closest(".drop-zone");
    input.addEventListener("change", () => describeChosen(input));
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      const dropped = [...(event.dataTransfer?.files ?? [])];
      if (dropped.length === 0) return;
      const transfer = new DataTransfer();
      for (const file of input.multiple ? dropped : dropped.slice(0, 1)) transfer.items.add(file);
      input.files = transfer.files;
      describeChosen(input);
    });
  }
  // A file dropped beside a zone must not make the browser open it in place of the page.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());
}
