// The review form posts JSON with the analyst's bearer token; no inline script (see the CSP).
const form = document.getElementById("review");
if (form) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { action: data.get("action"), note: data.get("note") || null };
    if (body.action === "set") { body.field = data.get("field"); body.value = data.get("value"); }
    const response = await fetch(`/api/v1/transfers/${encodeURIComponent(form.dataset.transfer)}/review`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": `Bearer ${data.get("token")}` },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    document.getElementById("review-result").textContent =
      response.ok ? `recorded: ${result.review || "correction"}` : `${result.error}: ${result.message}`;
    if (response.ok) { window.setTimeout(() => window.location.reload(), 600); }
  });
}
