"""A FlowEQ-style beta-VAE baseline.

After C. J. Steinmetz, "flowEQ: automatic equalization with a disentangled
latent space" (2019), which trains a beta-VAE on the SAFE-DB equaliser data:
an MLP encoder with one hidden ReLU layer maps the normalised EQ parameters to
a 2-D Gaussian latent ``(mu, logvar)``, an MLP decoder with one hidden ReLU
layer maps a latent sample back to bounded parameters, and the loss is the
reconstruction error plus ``beta`` times the KL divergence to N(0, I), with
beta annealed up from 0.  FlowEQ ships models with beta in {0, 0.001, 0.01, 0.02}.
The "semantic" code of a word is the mean of ``mu`` over its training examples.

Differences from the original, on purpose: the input is eqmorph's 15 model-space
parameters (shelf Qs included) instead of SAFE's 13, the reconstruction term is
the MSE in model space (flowEQ used the mean absolute error), the decoder ends
in ``tanh`` onto model space's [-1, 1] (flowEQ: sigmoid onto [0, 1], the same up
to an affine map), and the KL weight ramps linearly over a few epochs instead
of flowEQ's slow per-epoch increments.

Training uses torch (the ``train`` extra) and is imported only inside the
training code; inference (``encode_params``, ``decode_params``) is plain numpy.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eqmorph.baselines.word_mean import check_labelled_params, unknown_word
from eqmorph.core.eq import canonical_array
from eqmorph.core.ranges import N_BANDS, N_PARAMS, clip_to_ranges, from_model_space, to_model_space
from eqmorph.errors import ModelFileError, ParameterError
from eqmorph.io.fileio import atomic_path, write_text_atomic
from eqmorph.model.config import config_from_dict

WEIGHTS_FILE = "floweq.safetensors"
META_FILE = "floweq.json"
FORMAT = "eqmorph-floweq-baseline"
FORMAT_VERSION = 1
DEFAULT_BETAS: tuple[float, ...] = (0.0, 0.001, 0.01)

# name -> (rows, cols) of every weight; "h" is the hidden width, "d" the latent size, "p" the 15 parameters
_SHAPES = {
    "encoder.hidden.weight": ("h", "p"),
    "encoder.hidden.bias": ("h",),
    "encoder.mu.weight": ("d", "h"),
    "encoder.mu.bias": ("d",),
    "encoder.logvar.weight": ("d", "h"),
    "encoder.logvar.bias": ("d",),
    "decoder.hidden.weight": ("h", "d"),
    "decoder.hidden.bias": ("h",),
    "decoder.out.weight": ("p", "h"),
    "decoder.out.bias": ("p",),
}


@dataclass(frozen=True)
class FlowEQConfig:
    """Network and training settings of the FlowEQ-style baseline."""

    latent_dim: int = 2  # flowEQ's default plug-in model: a 2-D latent, one slider per axis
    hidden: int = 512  # one hidden ReLU layer of 512 units in encoder and decoder, as flowEQ's single-layer VAE
    beta: float = 0.001  # KL weight; flowEQ's recommended setting (it also ships 0, 0.01, 0.02)
    epochs: int = 200  # passes over the training set; ~7k Adam steps on the combined data (flowEQ: 500 epochs)
    batch_size: int = 64  # flowEQ used 8; 64 keeps CPU training to seconds, per-step cost is mostly overhead
    lr: float = 2e-3  # Adam; flowEQ used 1e-3 with 8x smaller batches (2e-3 / 64 chosen on the validation split)
    kl_warmup_epochs: int = 30  # beta ramps linearly from 0 over this many epochs (KL annealing, Bowman et al. 2015)
    seed: int = 0  # weight init, shuffling and latent noise all follow this

    def __post_init__(self) -> None:
        for name in ("latent_dim", "hidden", "epochs", "batch_size"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
                raise ParameterError(name, value, "an integer >= 1")
        if isinstance(self.kl_warmup_epochs, bool) or not isinstance(self.kl_warmup_epochs, int | np.integer):
            raise ParameterError("kl_warmup_epochs", self.kl_warmup_epochs, "an integer >= 0")
        if self.kl_warmup_epochs < 0:
            raise ParameterError("kl_warmup_epochs", self.kl_warmup_epochs, "an integer >= 0")
        if not (np.isfinite(self.beta) and self.beta >= 0):
            raise ParameterError("beta", self.beta, "a finite number >= 0")
        if not (np.isfinite(self.lr) and self.lr > 0):
            raise ParameterError("lr", self.lr, "a positive learning rate")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int | np.integer):
            raise ParameterError("seed", self.seed, "an integer")


class FlowEQBaseline:
    """A trained FlowEQ-style beta-VAE; implements the ``LatentEQModel`` protocol.

    Build with :meth:`fit` (needs torch) or :meth:`load` (numpy only).
    """

    def __init__(
        self,
        config: FlowEQConfig,
        weights: Mapping[str, np.ndarray],
        terms: Sequence[str],
        centroids: np.ndarray,
        counts: Sequence[int],
    ) -> None:
        dims = {"h": config.hidden, "d": config.latent_dim, "p": N_PARAMS}
        missing = sorted(set(_SHAPES) - set(weights))
        if missing:
            raise ModelFileError(f"FlowEQ weights: missing {missing}")
        self._w: dict[str, np.ndarray] = {}
        for name, symbolic in _SHAPES.items():
            want = tuple(dims[s] for s in symbolic)
            arr = np.asarray(weights[name], dtype=np.float64)
            if arr.shape != want:
                raise ModelFileError(f"FlowEQ weight {name}: shape {arr.shape}, expected {want} from the config")
            self._w[name] = arr
        cents = np.asarray(centroids, dtype=np.float64)
        if cents.shape != (len(terms), config.latent_dim) or len(counts) != len(terms):
            raise ModelFileError(
                f"FlowEQ centroids: shape {cents.shape} with {len(counts)} counts, "
                f"expected ({len(terms)}, {config.latent_dim}) and one count per term"
            )
        self.config = config
        self.latent_dim: int = config.latent_dim
        self.terms: list[str] = list(terms)
        self._index = {w: i for i, w in enumerate(self.terms)}
        self._centroids = cents
        self._counts: Counter[str] = Counter(dict(zip(self.terms, (int(c) for c in counts))))

    # --- training -------------------------------------------------------
    @classmethod
    def fit(
        cls, params: np.ndarray, terms: Sequence[str], config: FlowEQConfig | None = None, min_count: int = 1
    ) -> FlowEQBaseline:
        """Train on ``params`` ``(n, 5, 3)`` physical EQs labelled by ``terms`` ``(n,)``.

        Words with at least ``min_count`` examples get a centroid. Needs torch.
        """
        cfg = config if config is not None else FlowEQConfig()
        arr = check_labelled_params(params, terms)
        if int(min_count) < 1:
            raise ParameterError("min_count", min_count, "an integer >= 1")
        x = to_model_space(arr).reshape(-1, N_PARAMS)
        weights = _train_torch(x, cfg)
        counts = Counter(terms)
        words = [w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= min_count]
        if not words:
            raise ParameterError("min_count", min_count, f"at most {max(counts.values())} (the largest word count)")
        model = cls(cfg, weights, words, np.zeros((len(words), cfg.latent_dim)), [counts[w] for w in words])
        mu = model._encode_model_space(x)
        labels = np.asarray(terms, dtype=object)
        model._centroids = np.stack([mu[labels == w].mean(axis=0) for w in words])
        return model

    # --- LatentEQModel protocol -------------------------------------------
    def encode_params(self, params: np.ndarray) -> np.ndarray:
        """Physical ``(n, 5, 3)`` (or ``(n, 15)``) -> latent means ``(n, latent_dim)``."""
        arr = np.asarray(params, dtype=np.float64)
        if arr.ndim == 2 and arr.shape[1] == N_PARAMS:
            arr = arr.reshape(-1, N_BANDS, 3)
        if arr.ndim != 3 or arr.shape[1:] != (N_BANDS, 3):
            raise ParameterError("params.shape", arr.shape, f"(n, {N_BANDS}, 3)")
        return self._encode_model_space(to_model_space(arr).reshape(-1, N_PARAMS))

    def decode_params(self, z: np.ndarray) -> np.ndarray:
        """Latents ``(n, latent_dim)`` -> valid physical EQs ``(n, 5, 3)`` in canonical order."""
        z = np.asarray(z, dtype=np.float64)
        if z.ndim != 2 or z.shape[1] != self.latent_dim:
            raise ParameterError("z.shape", z.shape, f"(n, {self.latent_dim})")
        if not np.all(np.isfinite(z)):
            raise ParameterError("z", "non-finite values", "finite numbers")
        x = self._decode_model_space(z).reshape(-1, N_BANDS, 3)
        # tanh keeps x inside (-1, 1); the clip only absorbs exp/log rounding at the range ends
        return canonical_array(clip_to_ranges(from_model_space(x)))

    def centroid(self, word: str) -> np.ndarray:
        """Mean latent ``(latent_dim,)`` of ``word``'s training examples."""
        if word not in self._index:
            raise unknown_word(word, self._counts)
        return self._centroids[self._index[word]].copy()

    def generate_params(self, word: str) -> np.ndarray:
        """The decoded centroid of ``word``: ``(5, 3)`` physical parameters."""
        return self.decode_params(self.centroid(word)[None])[0]

    def count(self, word: str) -> int:
        """Number of training examples of ``word`` (0 if unknown)."""
        return self._counts.get(word, 0)

    # --- numpy forward ----------------------------------------------------
    def _encode_model_space(self, x: np.ndarray) -> np.ndarray:
        """Model-space ``(n, 15)`` -> ``mu`` ``(n, latent_dim)``."""
        w = self._w
        h = np.maximum(x @ w["encoder.hidden.weight"].T + w["encoder.hidden.bias"], 0.0)
        return h @ w["encoder.mu.weight"].T + w["encoder.mu.bias"]

    def _decode_model_space(self, z: np.ndarray) -> np.ndarray:
        """Latents ``(n, latent_dim)`` -> model-space ``(n, 15)`` in (-1, 1)."""
        w = self._w
        h = np.maximum(z @ w["decoder.hidden.weight"].T + w["decoder.hidden.bias"], 0.0)
        return np.tanh(h @ w["decoder.out.weight"].T + w["decoder.out.bias"])

    # --- files --------------------------------------------------------------
    def save(self, directory: str | os.PathLike[str]) -> Path:
        """Write ``floweq.safetensors`` (weights, centroids) and ``floweq.json`` (config, words) into ``directory``."""
        from safetensors.numpy import save_file

        out = Path(directory)
        if out.exists() and not out.is_dir():
            raise ParameterError("directory", str(out), "a folder (or a path where one can be created)")
        out.mkdir(parents=True, exist_ok=True)
        tensors = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in self._w.items()}
        tensors["centroids"] = np.ascontiguousarray(self._centroids, dtype=np.float64)
        with atomic_path(out / WEIGHTS_FILE) as tmp:
            save_file(tensors, str(tmp))
        meta = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "config": asdict(self.config),
            "terms": self.terms,
            "counts": [self._counts[w] for w in self.terms],
        }
        write_text_atomic(out / META_FILE, json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
        return out

    @classmethod
    def load(cls, directory: str | os.PathLike[str]) -> FlowEQBaseline:
        """Read a model written by :meth:`save`; numpy only."""
        from safetensors import SafetensorError
        from safetensors.numpy import load_file

        src = Path(directory)
        for name in (WEIGHTS_FILE, META_FILE):
            if not (src / name).is_file():
                raise ModelFileError(f"{str(src)!r} is not a FlowEQ baseline folder: {name} is missing")
        try:
            meta = json.loads((src / META_FILE).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelFileError(f"{src / META_FILE}: not valid JSON ({exc})") from exc
        if not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("version") != FORMAT_VERSION:
            raise ModelFileError(f"{src / META_FILE}: expected format {FORMAT!r} version {FORMAT_VERSION}")
        config = _config_from_dict(meta.get("config"))
        try:
            tensors = load_file(str(src / WEIGHTS_FILE))
        except (SafetensorError, OSError, ValueError) as exc:
            raise ModelFileError(f"{src / WEIGHTS_FILE}: cannot read safetensors ({exc})") from exc
        terms, counts = meta.get("terms"), meta.get("counts")
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms) or not isinstance(counts, list):
            raise ModelFileError(f"{src / META_FILE}: 'terms' must be a list of words with a list of 'counts'")
        if "centroids" not in tensors:
            raise ModelFileError(f"{src / WEIGHTS_FILE}: the 'centroids' tensor is missing")
        return cls(config, tensors, terms, tensors["centroids"], counts)


def _config_from_dict(data: Any) -> FlowEQConfig:
    return config_from_dict(FlowEQConfig, data, "FlowEQ config")


def torch_modules(config: FlowEQConfig) -> Any:
    """The encoder/decoder as a ``torch.nn.ModuleDict`` whose state-dict keys match the saved weights."""
    import torch
    from torch import nn

    class _Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = nn.Linear(N_PARAMS, config.hidden)
            self.mu = nn.Linear(config.hidden, config.latent_dim)
            self.logvar = nn.Linear(config.hidden, config.latent_dim)

        def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            h = torch.relu(self.hidden(x))
            return self.mu(h), self.logvar(h)

    class _Decoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = nn.Linear(config.latent_dim, config.hidden)
            self.out = nn.Linear(config.hidden, N_PARAMS)

        def forward(self, z: torch.Tensor) -> torch.Tensor:
            return torch.tanh(self.out(torch.relu(self.hidden(z))))

    return nn.ModuleDict({"encoder": _Encoder(), "decoder": _Decoder()})


def _train_torch(x: np.ndarray, cfg: FlowEQConfig) -> dict[str, np.ndarray]:
    """Fit the beta-VAE to model-space rows ``x`` ``(n, 15)``; returns numpy weights keyed like ``_SHAPES``."""
    import torch

    # One intra-op thread: for a net this small, thread hand-offs cost more than the maths (measured 1 ms
    # per step on 1 thread, up to 40 ms on 2 busy cores), and results do not depend on the core count.
    # The caller's thread count and global RNG state are restored afterwards.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return _train_loop(torch, x, cfg)
    finally:
        torch.set_num_threads(threads)


def _train_loop(torch: Any, x: np.ndarray, cfg: FlowEQConfig) -> dict[str, np.ndarray]:
    """Adam on MSE + beta * KL with the reparameterisation trick (Kingma & Welling 2014)."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(int(cfg.seed))
        net = torch_modules(cfg)
        data = torch.as_tensor(x, dtype=torch.float32)
        n = data.shape[0]
        opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
        for epoch in range(cfg.epochs):
            ramp = 1.0 if cfg.kl_warmup_epochs == 0 else min(1.0, (epoch + 1) / cfg.kl_warmup_epochs)
            beta = cfg.beta * ramp
            order = torch.randperm(n)
            for start in range(0, n, cfg.batch_size):
                batch = data[order[start : start + cfg.batch_size]]
                mu, logvar = net["encoder"](batch)
                z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
                recon = net["decoder"](z)
                mse = ((recon - batch) ** 2).mean()
                kl = (-0.5 * (1.0 + logvar - mu**2 - logvar.exp())).sum(dim=1).mean()
                loss = mse + beta * kl
                opt.zero_grad()
                loss.backward()
                opt.step()
        return {k: v.detach().cpu().numpy().astype(np.float64) for k, v in net.state_dict().items()}


__all__ = ["DEFAULT_BETAS", "FlowEQBaseline", "FlowEQConfig", "torch_modules"]
