"""The class-conditional convolutional VAE: a generator on its own (sample the prior for a class)
and the autoencoder under latent diffusion (128x128 -> 32x32xC with two stride-2 stages).

Reconstruction is L1 + (1 - SSIM); the KL weight rises linearly from zero so the encoder first
learns to reconstruct before the prior pulls on it. A small patch discriminator can join later
(`disc_start`) to sharpen textures. The class enters both encoder and decoder as a learned
per-channel bias, so the latent need not spend capacity on "tumour or not".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class VAEConfig:
    size: int = 128
    channels: tuple[int, ...] = (32, 64, 128)  # widths at full, 1/2 and 1/4 resolution
    latent_channels: int = 4
    num_classes: int = 2  # 1 = unconditional
    kl_weight: float = 1e-4  # the annealed KL's final weight (per latent element, against mean L1)
    kl_anneal_steps: int = 2000
    ssim_weight: float = 0.5
    disc_weight: float = 0.0  # 0: no patch discriminator
    disc_start: int = 2000
    disc_width: int = 32
    latent_scale: float = 1.0  # 1 / std of the latents, measured after training, for latent diffusion

    @property
    def conditional(self) -> bool:
        return self.num_classes > 1

    @property
    def factor(self) -> int:
        return 2 ** (len(self.channels) - 1)

    @property
    def latent_size(self) -> int:
        return self.size // self.factor

    def to_dict(self) -> dict:
        d = asdict(self)
        d["channels"] = list(self.channels)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "VAEConfig":
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if "channels" in known:
            known["channels"] = tuple(known["channels"])
        return cls(**known)


def _norm(c: int):
    from torch import nn

    return nn.GroupNorm(min(8, c), c)


def build_vae(cfg: VAEConfig):
    import torch
    from torch import nn
    import torch.nn.functional as F

    if cfg.size % cfg.factor:
        raise ValueError(f"VAE size {cfg.size} is not divisible by its downsampling factor {cfg.factor}")

    class ResBlock(nn.Module):
        def __init__(self, c_in: int, c_out: int):
            super().__init__()
            self.n1, self.c1 = _norm(c_in), nn.Conv2d(c_in, c_out, 3, padding=1)
            self.n2, self.c2 = _norm(c_out), nn.Conv2d(c_out, c_out, 3, padding=1)
            self.skip = nn.Conv2d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

        def forward(self, x):
            h = self.c1(F.silu(self.n1(x)))
            h = self.c2(F.silu(self.n2(h)))
            return self.skip(x) + h

    class Encoder(nn.Module):
        def __init__(self):
            super().__init__()
            ch = cfg.channels
            self.conv_in = nn.Conv2d(1, ch[0], 3, padding=1)
            self.blocks = nn.ModuleList()
            for i, c in enumerate(ch):
                stage = [ResBlock(ch[max(i - 1, 0)] if i else ch[0], c)]
                if i < len(ch) - 1:
                    stage.append(nn.Conv2d(c, c, 3, stride=2, padding=1))
                self.blocks.append(nn.Sequential(*stage))
            self.mid = ResBlock(ch[-1], ch[-1])
            self.out = nn.Sequential(_norm(ch[-1]), nn.SiLU(), nn.Conv2d(ch[-1], 2 * cfg.latent_channels, 3, padding=1))

        def forward(self, x, bias=None):
            h = self.conv_in(x)
            if bias is not None:
                h = h + bias[:, :, None, None]
            for b in self.blocks:
                h = b(h)
            return self.out(self.mid(h))

    class Decoder(nn.Module):
        def __init__(self):
            super().__init__()
            ch = cfg.channels[::-1]
            self.conv_in = nn.Conv2d(cfg.latent_channels, ch[0], 3, padding=1)
            self.mid = ResBlock(ch[0], ch[0])
            self.blocks = nn.ModuleList()
            for i, c in enumerate(ch):
                stage = [ResBlock(c, c)]  # the previous stage's upsampling conv already set the width
                if i < len(ch) - 1:
                    stage += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c, ch[i + 1], 3, padding=1)]
                self.blocks.append(nn.Sequential(*stage))
            self.out = nn.Sequential(_norm(ch[-1]), nn.SiLU(), nn.Conv2d(ch[-1], 1, 3, padding=1))

        def forward(self, z, bias=None):
            h = self.conv_in(z)
            if bias is not None:
                h = h + bias[:, :, None, None]
            h = self.mid(h)
            for b in self.blocks:
                h = b(h)
            return self.out(h)

    class VAE(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder, self.decoder = Encoder(), Decoder()
            n = max(cfg.num_classes, 1)
            self.enc_embed = nn.Embedding(n, cfg.channels[0]) if cfg.conditional else None
            self.dec_embed = nn.Embedding(n, cfg.channels[-1]) if cfg.conditional else None
            for e in (self.enc_embed, self.dec_embed):
                if e is not None:
                    nn.init.zeros_(e.weight)

        def encode(self, x, labels=None):
            """-> (mean, logvar), each (n, C, s/f, s/f)."""
            bias = self.enc_embed(labels) if self.enc_embed is not None and labels is not None else None
            mean, logvar = self.encoder(x, bias).chunk(2, dim=1)
            return mean, logvar.clamp(-30.0, 20.0)

        def decode(self, z, labels=None):
            bias = self.dec_embed(labels) if self.dec_embed is not None and labels is not None else None
            return self.decoder(z, bias)

        def forward(self, x, labels=None, gen=None):
            mean, logvar = self.encode(x, labels)
            noise = torch.randn(mean.shape, generator=gen, device=mean.device, dtype=mean.dtype)
            z = mean + torch.exp(0.5 * logvar) * noise
            return self.decode(z, labels), mean, logvar

    return VAE()


def build_patch_discriminator(cfg: VAEConfig):
    """A PatchGAN (Isola et al. 2017): one real/fake logit per ~22 px patch, no class input."""
    from torch import nn

    w = cfg.disc_width
    return nn.Sequential(
        nn.Conv2d(1, w, 4, 2, 1), nn.LeakyReLU(0.2, True),
        nn.Conv2d(w, 2 * w, 4, 2, 1), _norm(2 * w), nn.LeakyReLU(0.2, True),
        nn.Conv2d(2 * w, 4 * w, 4, 1, 1), _norm(4 * w), nn.LeakyReLU(0.2, True),
        nn.Conv2d(4 * w, 1, 4, 1, 1),
    )


# ---- losses and metrics ------------------------------------------------------------------
def _gauss_window(size: int = 11, sigma: float = 1.5, device=None):
    import torch

    x = torch.arange(size, dtype=torch.float32, device=device) - (size - 1) / 2
    g = torch.exp(-x ** 2 / (2 * sigma ** 2))
    return g / g.sum()


def ssim(a, b, data_range: float = 2.0, reduce: bool = True):
    """Structural similarity (Wang et al. 2004) with an 11-tap Gaussian window, for (n, 1, h, w) tensors.

    A separable blur keeps it cheap enough to sit in every training step.
    """
    import torch.nn.functional as F

    g = _gauss_window(device=a.device).to(a.dtype)
    gx, gy = g.view(1, 1, 1, -1), g.view(1, 1, -1, 1)

    def blur(t):
        return F.conv2d(F.conv2d(t, gx), gy)

    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    mu_a, mu_b = blur(a), blur(b)
    saa = blur(a * a) - mu_a ** 2
    sbb = blur(b * b) - mu_b ** 2
    sab = blur(a * b) - mu_a * mu_b
    m = ((2 * mu_a * mu_b + c1) * (2 * sab + c2)) / ((mu_a ** 2 + mu_b ** 2 + c1) * (saa + sbb + c2))
    return m.mean() if reduce else m.flatten(1).mean(1)


def psnr(a, b, data_range: float = 2.0):
    """Per-image PSNR in dB for tensors in [-1, 1]."""
    import torch

    mse = ((a.float() - b.float()) ** 2).flatten(1).mean(1).clamp_min(1e-10)
    return 10 * torch.log10(data_range ** 2 / mse)


def kl_divergence(mean, logvar):
    """KL(q(z|x) || N(0, I)), averaged over latent elements."""
    return 0.5 * (mean ** 2 + logvar.exp() - 1.0 - logvar).mean()


def kl_weight_at(cfg: VAEConfig, step: int) -> float:
    if cfg.kl_anneal_steps <= 0:
        return cfg.kl_weight
    return cfg.kl_weight * min(1.0, step / cfg.kl_anneal_steps)


def reconstruction_loss(cfg: VAEConfig, recon, x):
    import torch.nn.functional as F

    return F.l1_loss(recon, x) + cfg.ssim_weight * (1.0 - ssim(recon, x))


# ---- use ----------------------------------------------------------------------------------
def sample_prior(vae, cfg: VAEConfig, n: int, labels=None, seed: int = 0, device="cpu", temperature: float = 1.0,
                 prior=None):
    """The VAE as a generator on its own -> (n, 1, s, s) in [-1, 1]. Latents come from the learned prior
    (`latent_prior.LatentPrior`) when the checkpoint has one, else from N(0, T^2 I)."""
    import torch

    from medcore.runtime import torch_generator

    if prior is not None:
        from medcore.imaging.latent_prior import sample_latents

        z = torch.from_numpy(sample_latents(prior, n, labels, seed)).to(device)
    else:
        gen = torch_generator(seed, device)
        z = torch.randn((n, cfg.latent_channels, cfg.latent_size, cfg.latent_size), generator=gen, device=device)
        z = z * temperature
    y = torch.as_tensor(labels, device=device).long() if labels is not None and cfg.conditional else None
    with torch.no_grad():
        return vae.decode(z, y).clamp(-1, 1)


def evaluate_reconstruction(vae, x, y, batch: int = 32) -> dict:
    """PSNR / SSIM of mean-latent reconstructions (no sampling noise) on held-out scans in [-1, 1]."""
    import torch

    ps, ss = [], []
    vae.eval()
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            xb = x[i:i + batch]
            yb = y[i:i + batch] if y is not None else None
            mean, _ = vae.encode(xb, yb)
            r = vae.decode(mean, yb).clamp(-1, 1)
            ps.append(psnr(r, xb))
            ss.append(ssim(r, xb, reduce=False))
    p, s = torch.cat(ps), torch.cat(ss)
    return {"psnr_db": round(float(p.mean()), 3), "ssim": round(float(s.mean()), 4), "n": int(x.shape[0])}


def posterior_means(vae, x, y, batch: int = 32):
    """The encoder's posterior means of `x` (N, 1, s, s) in [-1, 1] -> (N, C, s/f, s/f), in eval mode."""
    import torch

    out = []
    vae.eval()
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            mean, _ = vae.encode(x[i:i + batch], y[i:i + batch] if y is not None else None)
            out.append(mean)
    return torch.cat(out)


def measure_latent_scale(vae, x, y, batch: int = 32) -> float:
    """1 / std of the posterior means over `x`, so latent diffusion sees unit-variance inputs."""
    std = float(posterior_means(vae, x, y, batch).std())
    return 1.0 / max(std, 1e-6)
