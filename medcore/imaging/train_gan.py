"""The DCGAN's part of the training loop: one discriminator and one generator update per step."""

from __future__ import annotations

from pathlib import Path

from medcore.imaging.loop import Handler, nparams, prefixed, preview_labels, save_preview, to_uint8, unprefixed
from medcore.imaging.train_config import TrainConfig


def gan_step(G, D, opt_g, opt_d, gcfg, xb, yb, gen):
    """One discriminator and one generator update; returns (d_loss, g_loss) as detached tensors.
    Real and generated scans share one discriminator pass, so a DistributedDataParallel discriminator
    sees one forward per backward."""
    import torch
    import torch.nn.functional as F

    n = xb.shape[0]
    labels = yb if gcfg.conditional else None
    z = torch.randn(n, gcfg.z_dim, generator=gen, device=xb.device)
    fake = G(z, labels)
    logit = D(torch.cat([xb, fake.detach()]), torch.cat([labels, labels]) if labels is not None else None)
    real_logit, fake_logit = logit[:n], logit[n:]
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


def private_gan_step(G, D, private, opt_g, gcfg, xb, yb, gen):
    """gan_step with a DP-SGD discriminator. Real and generated scans go through the discriminator in one
    batch, so each real scan's gradient is clipped on its own before the noise; the generator's update
    then runs with the per-sample hooks off (it reads no real scan, so it spends no privacy)."""
    import torch
    import torch.nn.functional as F

    n = xb.shape[0]
    labels = yb if gcfg.conditional else None
    if n < 2:  # a Poisson draw can hold one scan; the generator's BatchNorm needs two rows to train
        pad = torch.randint(0, gcfg.num_classes, (2 - n,), generator=gen, device=xb.device)
        fake_labels = torch.cat([labels, pad]) if labels is not None else None
    else:
        fake_labels = labels
    m = max(n, 2)
    z = torch.randn(m, gcfg.z_dim, generator=gen, device=xb.device)
    fake = G(z, fake_labels)
    both = torch.cat([xb, fake.detach()])
    logit = private.module(both, torch.cat([labels, fake_labels]) if labels is not None else None)
    target = torch.cat([torch.full((n,), 0.9, device=xb.device), torch.zeros(m, device=xb.device)])
    d_loss = 2 * F.binary_cross_entropy_with_logits(logit, target)  # the scale of gan_step's two means
    private.optimizer.zero_grad(set_to_none=True)
    d_loss.backward()
    private.optimizer.step()
    private.module.disable_hooks()
    try:
        g_logit = D(fake, fake_labels)
        g_loss = F.binary_cross_entropy_with_logits(g_logit, torch.ones_like(g_logit))
        opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
        opt_g.step()
    finally:
        private.module.enable_hooks()
    private.optimizer.zero_grad(set_to_none=True)  # drop the generator pass's gradients on D
    return d_loss.detach(), g_loss.detach()


class GANHandler(Handler):
    kind = "gan"

    def build(self, cfg: TrainConfig, ds, data, device) -> None:
        import torch

        from medcore.imaging.gan import GANConfig, build_discriminator, build_generator

        self.device = device
        self.gcfg = GANConfig(size=cfg.size, width=cfg.gan_width, num_classes=ds.num_classes,
                              spectral_norm=cfg.dp_epsilon <= 0)
        self.G, self.D = build_generator(self.gcfg).to(device), build_discriminator(self.gcfg).to(device)
        lr = cfg.lr or 2e-4
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=lr, betas=(0.5, 0.999))
        self.train_G, self.train_D = self.G, self.D  # DistributedDataParallel wrappers when prepared
        self.private = None
        if cfg.dp_epsilon > 0:
            from medcore.imaging.privacy import DPRun

            self.private = DPRun.for_run(self.D, self.opt_d, cfg, int(data[0].shape[0]))
            self.opt_d = self.private.optimizer

    def prepare(self, accelerator) -> None:
        self.check_processes()
        self.train_G, self.train_D, self.opt_g, self.opt_d = accelerator.prepare(self.G, self.D, self.opt_g,
                                                                                self.opt_d)

    def model_config(self) -> dict:
        return self.gcfg.to_dict()

    def load(self, tensors, saved, optim) -> None:
        from medcore.imaging.privacy import check_resume

        check_resume(self.private, saved)
        self.G.load_state_dict(unprefixed("g", tensors))
        self.D.load_state_dict(unprefixed("d", tensors))
        if optim:
            self.opt_g.load_state_dict(optim["g"])
            self.opt_d.load_state_dict(optim["d"])

    def payload(self):
        tensors = {**prefixed("g", self.G.state_dict()), **prefixed("d", self.D.state_dict())}
        return tensors, {"g": self.opt_g.state_dict(), "d": self.opt_d.state_dict()}, self.summary()

    def step(self, step: int, xb, yb, gen) -> dict:
        import torch

        self.G.train()
        self.D.train()
        if self.private is None:
            d_loss, g_loss = gan_step(self.train_G, self.train_D, self.opt_g, self.opt_d, self.gcfg, xb, yb, gen)
        else:
            self.private.steps_done = step + 1
            if xb.shape[0] == 0:  # an empty Poisson draw (about e^-batch): nothing to learn from this step
                return {"loss": torch.zeros(()), "d_loss": torch.zeros(()), "g_loss": torch.zeros(())}
            d_loss, g_loss = private_gan_step(self.G, self.D, self.private, self.opt_g, self.gcfg, xb, yb, gen)
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
