"""``eqmorph train``: fit the residual autoencoder on SocialFX and/or SAFE-DB."""

from __future__ import annotations

import argparse
from typing import Any

from eqmorph.cli.common import require_module
from eqmorph.datasets.experiment import DATASETS
from eqmorph.model.config import TrainConfig

# Where data comes from without --data: said in train's and evaluate's help (a new-user trial met the download only
# as an offline error).
DATA_HELP = ("folder holding socialfx/ and safe/ (or a data file); default $EQMORPH_DATA, else SocialFX is downloaded "
             "from the Hugging Face hub (needs the network; SAFE-DB has no hub copy: --dataset all or safe then "
             "needs --data)")


def _run_train(args: argparse.Namespace) -> int:
    if args.seed < 0:  # numpy and torch take non-negative seeds; say so before the data loads
        from eqmorph.errors import ParameterError

        raise ParameterError("--seed", args.seed, "an integer >= 0")
    require_module("torch", "training", "train")
    if args.dataset != "safe":  # SocialFX is parquet (SAFE-DB is CSV)
        require_module("pyarrow.parquet", "reading SocialFX", "train")
    from eqmorph.datasets.experiment import SplitSpec
    from eqmorph.model import ModelConfig, TrainConfig
    from eqmorph.training import train

    model_cfg = ModelConfig(latent_dim=args.latent_dim)
    epochs = args.epochs if args.epochs is not None else TrainConfig.epochs
    train_cfg = TrainConfig(
        epochs=epochs,
        patience=epochs if args.all_data else TrainConfig.patience,  # no validation rows: run every epoch
        seed=args.seed,
        supcon_weight=0.0 if args.no_contrastive else TrainConfig.supcon_weight,
        response_weight=0.0 if args.no_response_loss else TrainConfig.response_weight,
    )
    spec = (SplitSpec(args.dataset, val_fraction=0.0, test_fraction=0.0, seed=args.seed) if args.all_data
            else SplitSpec(args.dataset, seed=args.seed))
    ckpt = train.train_on_data(spec, args.data, args.out, model_cfg, train_cfg,
                               progress=not args.quiet, model_name=args.name)
    m = ckpt.metrics
    print(f"saved {args.out}: {len(ckpt.terms)} words with centroids, best epoch {m['best_epoch']} of "
          f"{m['epochs_run']}, {m['train_seconds']:.1f} s; validation: parameter MSE {m['val_param_mse']:.4f}, "
          f"response RMS {m['val_response_rms_db']:.2f} dB")
    return 0


def register(subparsers: Any) -> None:
    """Add ``eqmorph train``."""
    p = subparsers.add_parser("train", help="train a model on SocialFX and/or SAFE-DB (needs the train extra)",
                              description="Fit the residual autoencoder to the crowds' EQs and write a model folder "
                              "that --model DIR and eqmorph.load(DIR) read. Without --all-data a validation and a "
                              "test split are held out (early stopping watches the validation one).")
    p.add_argument("--dataset", choices=DATASETS, default="all", help="which data (default: all)")
    p.add_argument("--data", metavar="PATH", default=None, help=DATA_HELP)
    p.add_argument("--out", metavar="DIR", default="runs/model", help="model directory to write (default runs/model)")
    p.add_argument("--epochs", type=int, default=None,
                   help=f"maximum epochs (default {TrainConfig.epochs}; early stopping after {TrainConfig.patience} "
                   "epochs without a better validation loss usually ends sooner; with --all-data every epoch runs)")
    p.add_argument("--latent-dim", type=int, choices=(32, 64), default=32, help="size of the latent code (32)")
    p.add_argument("--seed", type=int, default=0, help="seed of the split and of training (default 0)")
    p.add_argument("--name", default="eqmorph",
                   help="model name recorded in provenance and the model id (default eqmorph)")
    p.add_argument("--no-contrastive", action="store_true", help="ablation: drop the SupCon term")
    p.add_argument("--no-response-loss", action="store_true", help="ablation: parameter loss only")
    p.add_argument("--all-data", action="store_true",
                   help="train on every row (no validation or test rows; runs all --epochs): the bundled model")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_run_train)
