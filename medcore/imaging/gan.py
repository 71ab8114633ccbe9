"""A class-conditional DCGAN (Radford et al. 2015) with the tricks that keep it stable:
BCE-with-logits, one-sided label smoothing, Adam(beta1=0.5), BatchNorm in the
generator only, LeakyReLU and spectral norm in the discriminator, and a projection
term for the class in the discriminator.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class GANConfig:
    size: int = 32
    z_dim: int = 64
    width: int = 64  # channels of the widest generator layer / base of the discriminator
    num_classes: int = 2
    # Off for DP-SGD: Opacus has no per-sample gradients for spectral norm's buffers; clipping bounds them.
    spectral_norm: bool = True

    @property
    def conditional(self) -> bool:
        return self.num_classes > 1

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "GANConfig":
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


def _n_ups(size: int) -> int:
    n = 0
    s = 4
    while s < size:
        s *= 2
        n += 1
    if s != size:
        raise ValueError(f"GAN size must be a power of two >= 8, got {size}")
    return n


def build_generator(cfg: GANConfig):
    import torch
    from torch import nn

    n = _n_ups(cfg.size)
    chans = [max(cfg.width // 2**i, 8) for i in range(n + 1)]

    class Generator(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(cfg.num_classes, cfg.z_dim) if cfg.conditional else None
            self.project = nn.Sequential(nn.Linear(cfg.z_dim, chans[0] * 16, bias=False),
                                         nn.BatchNorm1d(chans[0] * 16), nn.ReLU(True))
            layers = []
            for i in range(n):
                last = i == n - 1
                layers += [nn.ConvTranspose2d(chans[i], 1 if last else chans[i + 1], 4, 2, 1, bias=last)]
                if not last:
                    layers += [nn.BatchNorm2d(chans[i + 1]), nn.ReLU(True)]
            self.body = nn.Sequential(*layers)
            self.c0 = chans[0]

        def forward(self, z, labels=None):
            if self.embed is not None:
                z = z * self.embed(labels)  # multiplicative conditioning, as in BigGAN-style cGANs
            h = self.project(z).view(z.shape[0], self.c0, 4, 4)
            return torch.tanh(self.body(h))

    return Generator()


def build_discriminator(cfg: GANConfig):
    from torch import nn
    from torch.nn.utils import spectral_norm as sn

    def spectral_norm(module):
        return sn(module) if cfg.spectral_norm else module

    n = _n_ups(cfg.size)
    chans = [max(cfg.width // 2**(n - 1 - i), 8) for i in range(n)]

    class Discriminator(nn.Module):
        def __init__(self):
            super().__init__()
            layers, c_in = [], 1
            for c in chans:
                layers += [spectral_norm(nn.Conv2d(c_in, c, 4, 2, 1)), nn.LeakyReLU(0.2)]  # not in place: Opacus' hooks forbid it
                c_in = c
            self.body = nn.Sequential(*layers, nn.Flatten())
            feat = c_in * 16
            self.out = spectral_norm(nn.Linear(feat, 1))
            self.embed = spectral_norm(nn.Embedding(cfg.num_classes, feat)) if cfg.conditional else None

        def forward(self, x, labels=None):
            h = self.body(x)
            logit = self.out(h).squeeze(1)
            if self.embed is not None:  # projection discriminator (Miyato & Koyama 2018)
                logit = logit + (self.embed(labels) * h).sum(1)
            return logit

    return Discriminator()


def gan_sample_tensor(G, cfg, *, n: int, labels: list[int] | None, seed: int, device=None):
    import torch

    from medcore.runtime import torch_generator

    device = device or next(G.parameters()).device
    z = torch.randn((n, cfg.z_dim), generator=torch_generator(seed, "cpu")).to(device)
    lab = torch.tensor(labels, device=device) if (labels is not None and cfg.conditional) else None
    was_training = G.training
    G.eval()
    with torch.no_grad():
        x = G(z, lab)
    G.train(was_training)
    return x
