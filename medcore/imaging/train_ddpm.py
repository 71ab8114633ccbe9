"""The DDPM's part of the training loop: the denoising loss, EMA weights, a cosine learning rate.

`LDMHandler` (train_ldm.py) reuses all of it on a VAE's latents instead of pixels.
"""

from __future__ import annotations

from pathlib import Path

from medcore.imaging.loop import Handler, autocast, nparams, prefixed, preview_labels, save_preview, to_uint8, unprefixed
from medcore.imaging.train_config import TrainConfig


def ddpm_loss(model, sched, mcfg, xb, yb, gen):
    """The denoising loss (epsilon or v target), with class labels dropped to the null class at the CFG rate."""
    import torch
    import torch.nn.functional as F

    noise = torch.randn(xb.shape, generator=gen, device=xb.device)
    t = torch.randint(0, sched.config.num_train_timesteps, (xb.shape[0],), generator=gen, device=xb.device)
    noisy = sched.add_noise(xb, noise, t)
    labels = None
    if mcfg.conditional:
        drop = torch.rand(yb.shape, generator=gen, device=xb.device) < mcfg.cfg_dropout
        labels = torch.where(drop, torch.full_like(yb, mcfg.null_class), yb)
    pred = model(noisy, t, class_labels=labels).sample
    target = sched.get_velocity(xb, noise, t) if mcfg.prediction == "v_prediction" else noise
    return F.mse_loss(pred.float(), target.float())


class DDPMHandler(Handler):
    kind = "ddpm"

    def _unet_config(self, cfg: TrainConfig, ds):
        from medcore.imaging.ddpm import DDPMConfig

        return DDPMConfig(size=cfg.size, channels=cfg.channels, layers_per_block=cfg.layers_per_block,
                          attention=cfg.attention, num_classes=ds.num_classes, cfg_dropout=cfg.cfg_dropout,
                          prediction=cfg.prediction)

    def build(self, cfg: TrainConfig, ds, data, device) -> None:
        import torch

        from medcore.imaging.ddpm import EMA, build_unet, train_scheduler

        self.cfg, self.device = cfg, device
        self.mcfg = self._unet_config(cfg, ds)
        self.model = build_unet(self.mcfg).to(device)
        self.base_lr = cfg.lr or 2e-4
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=self.base_lr, weight_decay=0.0)
        self.ema = EMA.of(self.model, cfg.ema_decay)
        self.sched = train_scheduler(self.mcfg)
        self.train_model, self.backward = self.model, None  # replaced by prepare() on several processes

    def prepare(self, accelerator) -> None:
        # DDP shares the parameters of self.model, which stays unwrapped for the EMA, checkpoints and previews.
        self.train_model, self.opt = accelerator.prepare(self.model, self.opt)
        self.backward = accelerator.backward

    def model_config(self) -> dict:
        return self.mcfg.to_dict()

    def load(self, tensors, saved, optim) -> None:
        self.model.load_state_dict(unprefixed("model", tensors))
        self.ema.shadow = {k: v.to(self.device).float() for k, v in unprefixed("ema", tensors).items()}
        self.ema.updates = int(saved.get("ema_updates", saved["step"]))
        if optim:
            self.opt.load_state_dict(optim)

    def payload(self):
        tensors = {**prefixed("model", self.model.state_dict()), **prefixed("ema", self.ema.shadow)}
        return tensors, self.opt.state_dict(), {"ema_updates": self.ema.updates}

    def lr(self) -> float:
        return self.opt.param_groups[0]["lr"]

    def step(self, step: int, xb, yb, gen) -> dict:
        import torch

        from medcore.imaging.ddpm import cosine_lr

        for g in self.opt.param_groups:
            g["lr"] = cosine_lr(step, self.cfg.steps, self.base_lr)
        self.model.train()
        with autocast(self.device, self.cfg.amp):
            loss = ddpm_loss(self.train_model, self.sched, self.mcfg, xb, yb, gen)
        self.opt.zero_grad(set_to_none=True)
        if self.backward is not None:
            self.backward(loss)
        else:
            loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        self.ema.update(self.model)
        return {"loss": loss.detach()}

    def ema_net(self):
        from medcore.imaging.ddpm import build_unet

        net = build_unet(self.mcfg).to(self.device)
        net.load_state_dict({k: v.to(self.device) for k, v in self.ema.shadow.items()})
        return net.eval()

    def sample_preview(self, seed: int):
        from medcore.imaging.ddpm import ddpm_sample_tensor

        labels = preview_labels(self.mcfg.num_classes) if self.mcfg.conditional else None
        x, _ = ddpm_sample_tensor(self.ema_net(), self.mcfg, n=16, labels=labels, seed=seed, sampler="dpm++",
                                  steps=20, guidance=2.5, device=self.device)
        return x

    def preview(self, path: Path, seed: int) -> Path:
        return save_preview(to_uint8(self.sample_preview(seed)), path)

    def params(self) -> int:
        return nparams(self.model)
