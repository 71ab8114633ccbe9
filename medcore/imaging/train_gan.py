"""The DCGAN's part of the training loop: one discriminator and one generator update per step."""

from __future__ import annotations

from pathlib import Path

from medcore.imaging.loop import Handler, nparams, prefixed, preview_labels, save_preview, to_uint8, unprefixed
from medcore.imaging.train_config import TrainConfig


def gan_step(G, D, opt_g, opt_d, gcfg, xb, yb, gen):
    """One discriminator and one generator update; returns (d_loss, g_loss) as detached tensors."""
    import torch
    import torch.nn.functional as F

    n = xb.shape[0]
    labels = yb if gcfg.conditional else None
    z = torch.randn(n, gcfg.z_dim, generator=gen, device=xb.device)
    fake = G(z, labels)
    real_logit = D(xb, labels)
    fake_logit = D(fake.detach(), labels)
    # One-sided label smoothing: real targets 0.9, fake 0.
    d_loss = (F.binary_cross_entropy_with_logits(real_logit, torch.full_like(real_logit, 0.9))
              + F.binary_cross_entropy_with_logits(fake_logit, torch.zeros_like(fake_logit)))
    opt_d.zero_grad(set_to_none=True)
    d_loss.backward()
    opt_d.step()
    g_logit = D(fake, labels)
    g_loss = F.binary_cross_entropy_with_logits(g_logit, torch.ones_like(g_logit))  # non-saturating loss
    opt_g.zero_grad(set_to_none=True)
    g_loss.backward()
    opt_g.step()
    return d_loss.detach(), g_loss.detach()


class GANHandler(Handler):
    kind = "gan"

    def build(self, cfg: TrainConfig, ds, data, device) -> None:
        import torch

        from medcore.imaging.gan import GANConfig, build_discriminator, build_generator

        self.device = device
        self.gcfg = GANConfig(size=cfg.size, width=cfg.gan_width, num_classes=ds.num_classes)
        self.G, self.D = build_generator(self.gcfg).to(device), build_discriminator(self.gcfg).to(device)
        lr = cfg.lr or 2e-4
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=lr, betas=(0.5, 0.999))

    def model_config(self) -> dict:
        return self.gcfg.to_dict()

    def load(self, tensors, saved, optim) -> None:
        self.G.load_state_dict(unprefixed("g", tensors))
        self.D.load_state_dict(unprefixed("d", tensors))
        if optim:
            self.opt_g.load_state_dict(optim["g"])
            self.opt_d.load_state_dict(optim["d"])

    def payload(self):
        tensors = {**prefixed("g", self.G.state_dict()), **prefixed("d", self.D.state_dict())}
        return tensors, {"g": self.opt_g.state_dict(), "d": self.opt_d.state_dict()}, {}

    def step(self, step: int, xb, yb, gen) -> dict:
        self.G.train()
        self.D.train()
        d_loss, g_loss = gan_step(self.G, self.D, self.opt_g, self.opt_d, self.gcfg, xb, yb, gen)
        # The generator's loss is the curve users follow; the critic's goes with it as a metric.
        return {"loss": g_loss, "d_loss": d_loss, "g_loss": g_loss}

    def preview(self, path: Path, seed: int) -> Path:
        from medcore.imaging.gan import gan_sample_tensor

        self.G.eval()
        labels = preview_labels(self.gcfg.num_classes) if self.gcfg.conditional else None
        x = gan_sample_tensor(self.G, self.gcfg, n=16, labels=labels, seed=seed, device=self.device)
        self.G.train()
        return save_preview(to_uint8(x), path)

    def params(self) -> int:
        return nparams(self.G)
