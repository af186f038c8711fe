#!/usr/bin/env python3
"""Check that a checkpoint written by the lab computes the same function in PyTorch.

Usage:
    python3 scripts/check_pytorch_parity.py CHECKPOINT PAIR [--tolerance 1e-5]

CHECKPOINT  a safetensors file written by the lab's Checkpoint.save for a Sequential of
            Linear and activation layers (its "architecture" metadata is the model's printout,
            e.g. "(0): Linear(in_features=2, out_features=16, bias=True)").
PAIR        a safetensors file with two F32 tensors, "input" and "output": an input batch and
            the lab's output for it.

The script rebuilds the same torch.nn.Sequential from the printout, loads the checkpoint with
load_state_dict(strict=True), runs the input through it in eval mode and prints the largest
absolute difference. It exits 1 if that exceeds the tolerance. Manual verification only: CI does
not run it. Produce the two files with:

    LAB_PARITY_DIR=/tmp/parity swift test --skip-build --filter exportForPyTorchParity
"""
import argparse
import ast
import re
import sys

import torch
from safetensors.torch import load_file, safe_open

# Only these layers may be rebuilt: the printout is parsed, never evaluated as code.
ALLOWED = {
    "Linear": torch.nn.Linear,
    "ReLU": torch.nn.ReLU,
    "LeakyReLU": torch.nn.LeakyReLU,
    "Sigmoid": torch.nn.Sigmoid,
    "Tanh": torch.nn.Tanh,
    "Softplus": torch.nn.Softplus,
    "Flatten": torch.nn.Flatten,
    "Dropout": torch.nn.Dropout,
}
LINE = re.compile(r"^\s*\((\d+)\): (\w+)\((.*)\)$")


def keyword_arguments(text):
    """Parses `a=1, b=True` into a dict with ast.literal_eval (literals only)."""
    arguments = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        arguments[name.strip()] = ast.literal_eval(value.strip())
    return arguments


def build_model(architecture):
    layers = []
    for line in architecture.splitlines()[1:-1]:
        match = LINE.match(line)
        if not match:
            sys.exit(f"cannot rebuild this line of the architecture: {line!r}")
        index, name, arguments = int(match[1]), match[2], match[3]
        if name not in ALLOWED or index != len(layers):
            sys.exit(f"unsupported layer {name!r} at position {index} (nested containers are not handled)")
        layers.append(ALLOWED[name](**keyword_arguments(arguments)))
    return torch.nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint")
    parser.add_argument("pair")
    parser.add_argument("--tolerance", type=float, default=1e-5)
    arguments = parser.parse_args()

    with safe_open(arguments.checkpoint, framework="pt") as handle:
        metadata = handle.metadata() or {}
    if "architecture" not in metadata:
        sys.exit("the checkpoint has no 'architecture' metadata; was it written by the lab?")
    model = build_model(metadata["architecture"])
    model.load_state_dict(load_file(arguments.checkpoint), strict=True)
    model.eval()

    pair = load_file(arguments.pair)
    with torch.no_grad():
        output = model(pair["input"])
    difference = (output - pair["output"]).abs().max().item()
    print(model)
    print(f"written by {metadata.get('software', '?')} {metadata.get('version', '?')}; "
          f"{pair['input'].shape[0]} samples; max |torch - lab| = {difference:.3g}")
    if difference > arguments.tolerance:
        print(f"FAIL: difference above {arguments.tolerance}")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
