"""The latent DDPM's part of the training loop: the DDPM handler on a frozen VAE's latents.

The whole training split is encoded once (both orientations, since a flipped latent is not the
latent of the flipped scan), scaled to unit variance by a measured factor, and the UNet learns to
denoise those. The VAE travels inside every checkpoint so the run samples on its own.
"""

from __future__ import annotations

from pathlib import Path

from medcore.imaging.loop import prefixed, save_preview, to_uint8
from medcore.imaging.train_config import TrainConfig, TrainError
from medcore.imaging.train_ddpm import DDPMHandler


def load_vae_checkpoint(path: str, device):
    """(VAE, VAEConfig) from a VAE run folder (its newest checkpoint), checkpoint or exported folder."""
    from medcore import checkpoints
    from medcore.imaging.latent import vae_from_tensors
    from medcore.imaging.sample import SampleError, resolve_checkpoint

    try:
        ckpt = resolve_checkpoint(path)
    except SampleError as exc:
        raise TrainError(f"--vae {path}: {exc}") from exc
    tensors, state, _ = checkpoints.load(ckpt)
    if state.get("kind") != "vae":
        raise TrainError(f"--vae {path}: that is a {state.get('kind')!r} checkpoint, not a VAE")
    return (*vae_from_tensors(tensors, state["model_config"], device), str(ckpt))


class LDMHandler(DDPMHandler):
    kind = "ldm"
    flip = False  # both orientations are encoded up front

    def _unet_config(self, cfg: TrainConfig, ds):
        from medcore.imaging.ddpm import DDPMConfig

        return DDPMConfig(size=self.vcfg.latent_size, channels=cfg.channels, layers_per_block=cfg.layers_per_block,
                          attention=cfg.attention, num_classes=ds.num_classes, cfg_dropout=cfg.cfg_dropout,
                          prediction=cfg.prediction, in_channels=self.vcfg.latent_channels, clip_sample=False)

    def build(self, cfg: TrainConfig, ds, data, device) -> None:
        if self.resuming and self.resuming.get("vae_config"):
            # The VAE inside the checkpoint is the one this run trained with; --vae may be gone by now.
            from medcore.imaging.vae import VAEConfig, build_vae

            self.vcfg = VAEConfig.from_dict(self.resuming["vae_config"])
            self.vae, self.vae_path = build_vae(self.vcfg).to(device).eval(), self.resuming.get("vae_source", "")
        else:
            self.vae, self.vcfg, self.vae_path = load_vae_checkpoint(cfg.vae, device)
        if self.vcfg.size != cfg.size:
            raise TrainError(f"the VAE works at {self.vcfg.size} px but --size is {cfg.size}")
        self.vcfg.latent_scale = 0.0  # measured on this run's latents (or restored on resume)
        super().build(cfg, ds, data, device)

    def train_data(self, x, y):
        import torch

        from medcore.imaging.latent import encode_images
        from medcore.imaging.vae import measure_latent_scale

        if not self.vcfg.latent_scale:
            self.vcfg.latent_scale = measure_latent_scale(self.vae, x, y if self.vcfg.conditional else None)
        z = torch.cat([encode_images(self.vae, self.vcfg, x, y), encode_images(self.vae, self.vcfg, x.flip(-1), y)])
        return z, torch.cat([y, y])

    def load(self, tensors, saved, optim) -> None:
        from medcore.imaging.latent import vae_from_tensors

        super().load(tensors, saved, optim)
        self.vae, self.vcfg = vae_from_tensors(tensors, saved["vae_config"], self.device)

    def payload(self):
        tensors, optim, extra = super().payload()
        tensors.update(prefixed("vae", self.vae.state_dict()))
        return tensors, optim, {**extra, "vae_config": self.vcfg.to_dict(), "vae_source": self.vae_path}

    def preview(self, path: Path, seed: int) -> Path:
        from medcore.imaging.latent import decode_latents
        from medcore.imaging.loop import preview_labels

        z = self.sample_preview(seed)
        labels = preview_labels(self.mcfg.num_classes) if self.mcfg.conditional else None
        return save_preview(to_uint8(decode_latents(self.vae, self.vcfg, z, labels)), path)
