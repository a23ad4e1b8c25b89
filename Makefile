# Two entry points that work on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean bundled-model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Runtime + figures only: the demo runs on the bundled model, no torch, no dataset.
$(VENV)/.demo-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[plots]"
	touch $@

# Everything the tests touch (torch is pinned to the local CPU wheel), plus Chromium for the browser test.
$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	bash scripts/install_system_deps.sh
	$(BIN)/pip install -q -e ".[dev,train,server,plots,data,text]"
	touch $@

demo: $(VENV)/.demo-installed
	$(BIN)/eqmorph demo --out demo-output

test: $(VENV)/.test-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

bench: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) demo-output

# Retrain the bundled model with its recipe (needs ../shared/data or EQMORPH_DATA): every row, no rows held back,
# a fixed 150 epochs, seed 0 (docs/model.md). Same data and seed give the same weights bit for bit on the same kind of
# machine; on another CPU torch's kernels may round differently (the benchmark's early-stopped training, whose code
# did not change, stopped at 257 epochs on an AMD EPYC and at 370 on an Intel Xeon). Its
# evaluation.md (cross-validation numbers from `eqmorph evaluate`) is kept: only the model files are replaced.
DATA ?= ../shared/data
BUNDLED_BUILD ?= build/bundled-model
bundled-model: $(VENV)/.test-installed
	$(BIN)/eqmorph train --dataset all --data $(DATA) --out $(BUNDLED_BUILD) --seed 0 --all-data --epochs 150 --quiet
	cp $(BUNDLED_BUILD)/*.json $(BUNDLED_BUILD)/*.safetensors src/eqmorph/pretrained/default/
	$(BIN)/python -m eqmorph.language.learned src/eqmorph/pretrained/default  # term embeddings: the vocabulary's MiniLM vectors
	sha256sum src/eqmorph/pretrained/default/weights.safetensors src/eqmorph/pretrained/default/latents.safetensors
