"use strict";
// Upload page and result view. The server keeps nothing: every download is built here from the one response.
const $ = (id) => document.getElementById(id);

function status(text, isError) {
  const box = $("status");
  box.hidden = !text;
  box.textContent = text || "";
  box.classList.toggle("error", !!isError);
}

function download(name, type, data) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  a.textContent = name.split(".").pop().toUpperCase() === "ZIP" ? "WFDB (.zip)" : name.split(".").pop().toUpperCase();
  return a;
}

function base64Bytes(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

let lastFile = null;

function showResult(body) {
  const stem = (body.summary.file || "ecg").replace(/\.[^.]+$/, "");
  const links = $("downloads");
  links.replaceChildren(
    download(stem + ".json", "application/json", JSON.stringify(body.summary, null, 2)),
    download(stem + ".html", "text/html", body.report_html));
  if (body.signals_csv) links.append(download(stem + ".csv", "text/csv", body.signals_csv));
  if (body.wfdb_zip) links.append(download(stem + "-wfdb.zip", "application/zip", base64Bytes(body.wfdb_zip)));
  if (body.image_heatmap_on_request) {
    // The heatmap re-runs the image model dozens of times, so it is computed on request, not on every upload.
    const explain = document.createElement("button");
    explain.type = "button";
    explain.dataset.testid = "explain";
    explain.textContent = "Show what drove the model (heatmap, slower)";
    explain.onclick = () => analyze(lastFile, true);
    links.append(explain);
  }
  const frame = $("report");
  frame.onload = () => { frame.style.height = frame.contentDocument.documentElement.scrollHeight + "px"; };
  frame.srcdoc = body.report_html;
  $("result").hidden = false;
  $("result").scrollIntoView({ behavior: "smooth", block: "start" });
}

async function analyze(file, explain) {
  lastFile = file;
  if (!explain) $("result").hidden = true;
  status((explain ? "Computing the heatmap for " : "Analysing ") + file.name + " …");
  const form = new FormData();
  form.append("file", file, file.name);
  const key = sessionStorage.getItem("heartguard-key");
  let response;
  try {
    response = await fetch(explain ? "/ui/analyze?explain=true" : "/ui/analyze", { method: "POST", body: form, headers: key ? { "X-Api-Key": key } : {} });
  } catch {
    status("The server could not be reached. Check the connection and try again.", true);
    return;
  }
  if (response.status === 401) { $("key-block").hidden = false; status("Enter the API key, then choose the image again.", true); return; }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    status(body && body.title ? body.title + ": " + (body.detail || "") : "The analysis failed (HTTP " + response.status + ").", true);
    return;
  }
  status("");
  showResult(body);
}

async function loadSamples() {
  const response = await fetch("/ui/samples").catch(() => null);
  if (!response || !response.ok) return;
  const samples = await response.json();
  for (const sample of samples) {
    const button = document.createElement("button");
    button.type = "button";
    const img = document.createElement("img");
    img.src = sample.url; img.alt = sample.title; img.loading = "lazy";
    button.append(img, sample.title);
    button.onclick = async () => {
      const blob = await (await fetch(sample.url)).blob();
      analyze(new File([blob], sample.file, { type: blob.type }));
    };
    $("samples").append(button);
  }
  $("samples-block").hidden = samples.length === 0;
}

const drop = $("drop");
$("file").addEventListener("change", (e) => { if (e.target.files[0]) analyze(e.target.files[0]); e.target.value = ""; });
["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
drop.addEventListener("drop", (e) => { const f = e.dataTransfer.files[0]; if (f) analyze(f); });
$("key-save").addEventListener("click", () => { sessionStorage.setItem("heartguard-key", $("key").value); $("key-block").hidden = true; status(""); });
loadSamples();
