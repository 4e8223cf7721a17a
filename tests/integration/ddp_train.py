"""A real PyTorch DDP job on CPU (gloo), started by Cairn's ProcessGroup instead of torchrun.

Each rank trains the same tiny model on its own deterministic data. DistributedDataParallel
all-reduces (averages) the gradients in backward, so every rank must hold the same gradients:
each rank prints its gradient checksum as a Cairn metric, and rank 0 all-gathers the checksums
and exits non-zero when they disagree. The per-rank loss is printed too: it differs between
ranks (different data), which shows the equal gradients come from the all-reduce.
"""
import os
import sys

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel


def main() -> int:
    dist.init_process_group(backend="gloo", init_method="env://")
    rank, world = dist.get_rank(), dist.get_world_size()
    assert rank == int(os.environ["RANK"]) and world == int(os.environ["WORLD_SIZE"])
    print(f"cairn:tag rank={rank} world={world} local_rank={os.environ['LOCAL_RANK']}", flush=True)

    torch.manual_seed(0)  # same initial weights everywhere (DDP also broadcasts rank 0's)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
    ddp = DistributedDataParallel(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=0.05)
    data = torch.Generator().manual_seed(1000 + rank)  # different data per rank
    steps = int(os.environ.get("DDP_STEPS", "5"))
    status = 0
    for step in range(steps):
        x = torch.randn(32, 8, generator=data)
        y = x.sum(dim=1, keepdim=True)
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(ddp(x), y)
        loss.backward()
        grad_sum = sum(p.grad.double().sum() for p in ddp.parameters()).item()
        print(f"cairn:metric step={step} grad_sum={grad_sum!r} loss={loss.item()!r}", flush=True)

        mine = torch.tensor([grad_sum], dtype=torch.float64)
        everyone = [torch.zeros(1, dtype=torch.float64) for _ in range(world)]
        dist.all_gather(everyone, mine)
        if rank == 0:
            sums = [t.item() for t in everyone]
            if any(s != sums[0] for s in sums):
                print(f"gradient checksums disagree at step {step}: {sums}", file=sys.stderr, flush=True)
                status = 2
        opt.step()
    dist.barrier()
    dist.destroy_process_group()
    return status


if __name__ == "__main__":
    sys.exit(main())
