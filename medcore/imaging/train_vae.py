"""The VAE's part of the training loop: L1 + SSIM reconstruction, annealed KL, optional patch GAN."""

from __future__ import annotations

from pathlib import Path

from medcore.imaging.loop import Handler, nparams, prefixed, preview_labels, save_preview, to_uint8, unprefixed
from medcore.imaging.train_config import TrainConfig, TrainError

EVAL_IMAGES = 64  # held-out scans measured at each checkpoint: enough for a trend, cheap on one CPU thread


def vae_config_of(cfg: TrainConfig, num_classes: int):
    from medcore.imaging.vae import VAEConfig

    return VAEConfig(size=cfg.size, channels=cfg.vae_channels, latent_channels=cfg.latent_channels,
                     num_classes=num_classes, kl_weight=cfg.kl_weight, kl_anneal_steps=cfg.kl_anneal_steps,
                     ssim_weight=cfg.ssim_weight, disc_weight=cfg.disc_weight, disc_start=cfg.disc_start)


class VAEHandler(Handler):
    kind = "vae"

    def build(self, cfg: TrainConfig, ds, data, device) -> None:
        import torch

        from medcore.imaging.vae import build_patch_discriminator, build_vae

        self.cfg, self.device = cfg, device
        self.vcfg = vae_config_of(cfg, ds.num_classes)
        self.vae = build_vae(self.vcfg).to(device)
        self.base_lr = cfg.lr or 2e-4
        self.opt = torch.optim.AdamW(self.vae.parameters(), lr=self.base_lr, betas=(0.5, 0.9), weight_decay=0.0)
        self.disc = self.opt_d = None
        if self.vcfg.disc_weight > 0:
            self.disc = build_patch_discriminator(self.vcfg).to(device)
            self.opt_d = torch.optim.AdamW(self.disc.parameters(), lr=self.base_lr, betas=(0.5, 0.9))
        xh, yh = data[2]
        self.x_eval, self.y_eval = xh[:EVAL_IMAGES], yh[:EVAL_IMAGES]
        self.train_module, self.train_disc, self.private = self.vae, self.disc, None
        if cfg.dp_epsilon > 0:
            if self.disc is not None:
                raise TrainError("DP training with the patch discriminator is not supported: the discriminator "
                                 "sees real scans without protection (use --disc-weight 0)")
            from medcore.imaging.privacy import DPRun

            self.private = DPRun.for_run(self.vae, self.opt, cfg, int(data[0].shape[0]))
            self.train_module, self.opt = self.private.module, self.private.optimizer

    def prepare(self, accelerator) -> None:
        self.check_processes()
        self.train_module, self.opt = accelerator.prepare(self.vae, self.opt)
        if self.disc is not None:
            self.train_disc, self.opt_d = accelerator.prepare(self.disc, self.opt_d)

    def model_config(self) -> dict:
        return self.vcfg.to_dict()

    def load(self, tensors, saved, optim) -> None:
        from medcore.imaging.privacy import check_resume

        check_resume(self.private, saved)
        self.vae.load_state_dict(unprefixed("vae", tensors))
        if self.disc is not None and any(k.startswith("disc.") for k in tensors):
            self.disc.load_state_dict(unprefixed("disc", tensors))
        if optim:
            self.opt.load_state_dict(optim["vae"])
            if self.opt_d is not None and optim.get("disc"):
                self.opt_d.load_state_dict(optim["disc"])

    def payload(self):
        tensors = prefixed("vae", self.vae.state_dict())
        optim = {"vae": self.opt.state_dict()}
        if self.disc is not None:
            tensors.update(prefixed("disc", self.disc.state_dict()))
            optim["disc"] = self.opt_d.state_dict()
        return tensors, optim, self.summary()

    def lr(self) -> float:
        return self.opt.param_groups[0]["lr"]

    def step(self, step: int, xb, yb, gen) -> dict:
        import torch
        import torch.nn.functional as F

        from medcore.imaging.ddpm import cosine_lr
        from medcore.imaging.vae import kl_divergence, kl_weight_at, reconstruction_loss

        for g in self.opt.param_groups:
            g["lr"] = cosine_lr(step, self.cfg.steps, self.base_lr)
        if self.private is not None:
            self.private.steps_done = step + 1
        if xb.shape[0] == 0:  # an empty Poisson draw (about e^-batch): nothing to learn from this step
            return {"loss": torch.zeros(()), "rec": torch.zeros(()), "kl": torch.zeros(())}
        self.vae.train()
        labels = yb if self.vcfg.conditional else None
        recon, mean, logvar = self.train_module(xb, labels, gen)
        rec = reconstruction_loss(self.vcfg, recon, xb)
        kl = kl_divergence(mean, logvar)
        loss = rec + kl_weight_at(self.vcfg, step) * kl
        out = {"rec": rec.detach(), "kl": kl.detach()}
        adversarial = self.disc is not None and step >= self.vcfg.disc_start
        if adversarial:
            g_adv = -self.disc(recon).mean()  # hinge generator loss
            loss = loss + self.vcfg.disc_weight * g_adv
            out["g_adv"] = g_adv.detach()
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        if self.private is None:  # DP-SGD clips each scan's gradient itself
            torch.nn.utils.clip_grad_norm_(self.vae.parameters(), 1.0)
        self.opt.step()
        if adversarial:
            # one pass over real and reconstructed scans: one forward per backward for a wrapped discriminator
            logit = self.train_disc(torch.cat([xb, recon.detach()]))
            n = xb.shape[0]
            d_loss = F.relu(1 - logit[:n]).mean() + F.relu(1 + logit[n:]).mean()
            self.opt_d.zero_grad(set_to_none=True)
            d_loss.backward()
            self.opt_d.step()
            out["d_loss"] = d_loss.detach()
        out["loss"] = loss.detach()
        return out

    def preview(self, path: Path, seed: int) -> Path:
        """Three rows of eight: held-out scans, their reconstructions, samples from the prior (classes alternating)."""
        import torch

        from medcore.imaging.vae import sample_prior

        self.vae.eval()
        x, y = self.x_eval[:8], self.y_eval[:8]
        labels = y if self.vcfg.conditional else None
        with torch.no_grad():
            mean, _ = self.vae.encode(x, labels)
            recon = self.vae.decode(mean, labels).clamp(-1, 1)
        prior = sample_prior(self.vae, self.vcfg, 8, labels=preview_labels(self.vcfg.num_classes, 8),
                             seed=seed, device=self.device)
        self.vae.train()
        return save_preview(to_uint8(torch.cat([x, recon, prior])), path, cols=8)

    def evaluate(self) -> dict:
        from medcore.imaging.vae import evaluate_reconstruction

        m = evaluate_reconstruction(self.vae, self.x_eval, self.y_eval if self.vcfg.conditional else None)
        self.vae.train()
        return m

    def params(self) -> int:
        return nparams(self.vae)
