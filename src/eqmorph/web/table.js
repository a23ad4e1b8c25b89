// eqmorph page: the band table, the 15 numbers of the EQ on display.
import { $ } from "./dom.js";

const BAND_LABELS = { low_shelf: "Low shelf", peak1: "Peak 1", peak2: "Peak 2", peak3: "Peak 3", high_shelf: "High shelf" };
// The letter of each band's handle on the plot (plot.js), shown before its name so a row and a handle pair up.
const HANDLES = { low_shelf: "L", peak1: "1", peak2: "2", peak3: "3", high_shelf: "H" };

const fmtGain = (g) => `${g >= 0 ? "+" : ""}${g.toFixed(2)} dB`;
const fmtFreq = (f) => `${f.toFixed(1)} Hz`;
const fmtQ = (q) => q.toFixed(3);

// Each number cell also carries its exact value in data-value, so a reader need not parse the rounded text.
export function renderTable(body) {
  const rows = body.bands.map((band) => {
    const tr = document.createElement("tr");
    tr.dataset.band = band.name;
    const cell = (text, param, value) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (param) {
        td.dataset.param = param;
        td.dataset.value = String(value);
      }
      return td;
    };
    // One column names the band, its kind included ("Low shelf", "Peak 1"): a Type column beside it said the same
    // again ("Low shelf | low shelf", new-user trial 7). The style sheet draws the plot's handle letter before the
    // name (data-handle), which leaves the cell's text the name alone.
    const name = cell(BAND_LABELS[band.name] || band.name);
    name.dataset.handle = HANDLES[band.name] || "";
    tr.dataset.type = band.type;
    tr.append(
      name,
      cell(fmtGain(band.gain_db), "gain_db", band.gain_db),
      cell(fmtFreq(band.freq_hz), "freq_hz", band.freq_hz),
      cell(fmtQ(band.q), "q", band.q),
    );
    return tr;
  });
  $("#band-table tbody").replaceChildren(...rows);
}
