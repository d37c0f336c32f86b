// The review form posts JSON with the analyst's bearer token; no inline script (see the CSP).
const form = document.getElementById("review");
if (form) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { action: data.get("action"), note: data.get("note") || null };
    if (body.action === "set" || body.action === "unset") { body.field = data.get("field"); }
    if (body.action === "set") { body.value = data.get("value"); }
    const response = await fetch(`/api/v1/transfers/${encodeURIComponent(form.dataset.transfer)}/review`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": `Bearer ${data.get("token")}` },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    document.getElementById("review-result").textContent =
      response.ok ? `recorded: ${recorded(body)}` : `${result.error}: ${result.message}`;
    if (response.ok) { window.setTimeout(() => window.location.reload(), 600); }
  });
}

// What a decision did, said plainly: an empty value clears its field (unknown), which is no typo.
function recorded(body) {
  if (body.action === "unset") { return `${body.field} back to the extracted value`; }
  if (body.action !== "set") { return body.action; }
  return body.value.trim() ? `${body.field} set to ${body.value.trim()}` : `${body.field} cleared (unknown)`;
}
