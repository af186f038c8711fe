#!/usr/bin/env python3
"""The reference workloads of BENCHMARKS.md in PyTorch, with the same flags and output as `lab bench`,
so both engines can be run one after the other on the same machine:

    .build/release/lab bench --threads 2 --json
    python3 scripts/bench_pytorch.py --threads 2 --json
"""
import argparse, json, resource, statistics, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def peak_rss_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def measure(step, steps, warm_up=3):
    for _ in range(warm_up):
        step()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def ae32():
    encoder = nn.Sequential(nn.Conv2d(3, 32, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(32, 64, 4, 2, 1),
                            nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(4096, 128))
    decoder = nn.Sequential(nn.Linear(128, 4096), nn.ReLU(), nn.Unflatten(1, (64, 8, 8)),
                            nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(32, 3, 4, 2, 1),
                            nn.Sigmoid())
    x = torch.rand(64, 3, 32, 32)
    optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3,
                                 betas=(0.9, 0.999), eps=1e-8)

    def step():
        optimizer.zero_grad()
        loss = F.mse_loss(decoder(encoder(x)), x)
        loss.backward()
        optimizer.step()
        return loss.item()
    return step


def dcgan32():
    generator = nn.Sequential(
        nn.ConvTranspose2d(64, 128, 4, 1, 0), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.BatchNorm2d(32), nn.ReLU(),
        nn.ConvTranspose2d(32, 3, 4, 2, 1), nn.Tanh())
    discriminator = nn.Sequential(
        nn.Conv2d(3, 32, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(32, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Conv2d(128, 1, 4, 1, 0), nn.Flatten())
    real = torch.rand(64, 3, 32, 32) * 2 - 1
    ones, zeros = torch.ones(64, 1), torch.zeros(64, 1)
    optimizer_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    optimizer_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))

    def step():
        optimizer_d.zero_grad()
        fake = generator(torch.randn(64, 64, 1, 1)).detach()
        loss_d = (F.binary_cross_entropy_with_logits(discriminator(real), ones)
                  + F.binary_cross_entropy_with_logits(discriminator(fake), zeros))
        loss_d.backward()
        optimizer_d.step()
        optimizer_g.zero_grad()
        discriminator.zero_grad()
        loss_g = F.binary_cross_entropy_with_logits(discriminator(generator(torch.randn(64, 64, 1, 1))), ones)
        loss_g.backward()
        optimizer_g.step()
        return loss_d.item() + loss_g.item()
    return step


def mlp():
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    x = torch.rand(128, 784)
    labels = torch.randint(0, 10, (128,))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    def step():
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), labels)
        loss.backward()
        optimizer.step()
        return loss.item()
    return step


def report(args, name, times, extra):
    peak = peak_rss_mb()
    if args.json:
        print(json.dumps({"engine": "pytorch " + torch.__version__, "workload": name, "threads": args.threads,
                          "steps": args.steps, "median_ms": statistics.median(times), "min_ms": min(times),
                          "max_ms": max(times), "peak_rss_mb": round(peak, 1), **extra}))
    else:
        notes = "; ".join(f"{k} {v}" for k, v in extra.items())
        print(f"{name:<14}{statistics.median(times):13.3f} {min(times):10.3f} {max(times):10.3f}{peak:12.1f}  {notes}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--workload", action="append", default=[])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.steps < 20:
        parser.error("--steps must be at least 20")
    names = [n.strip() for w in args.workload for n in w.split(",")] or ["sgemm", "ae32", "dcgan32", "mlp"]
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    if not args.json:
        print(f"pytorch {torch.__version__} bench: {torch.get_num_threads()} thread(s), "
              f"median of {args.steps} steps after 3 warm-up")
        print("workload          median ms     min ms     max ms   peak RSS MB  notes")
    for name in names:
        reset_peak()
        if name == "sgemm":
            for n in (256, 512, 1024):
                a, b, c = torch.rand(n, n), torch.rand(n, n), torch.empty(n, n)
                times = measure(lambda: torch.mm(a, b, out=c), args.steps)
                gflops = 2 * n ** 3 / (statistics.median(times) * 1e-3) / 1e9
                report(args, f"sgemm n={n}", times, {"gflops": round(gflops, 2)})
            continue
        step = {"ae32": ae32, "dcgan32": dcgan32, "mlp": mlp}[name]()
        losses = []
        times = measure(lambda: losses.append(step()), args.steps)
        report(args, name, times, {"final_loss": round(losses[-1], 6)})


if __name__ == "__main__":
    main()
