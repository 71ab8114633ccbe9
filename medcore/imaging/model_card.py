"""What the Generate form shows about a checkpoint and needs to draw its fields, read from its state.json: no
weights, no torch, no diffusers (seconds to import in a fresh process). The weights load on the first Generate
(issue 14, speed: the page's first render loads no model). `sample.read_card(path)` reads one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DIFFUSION = ("ddpm", "ldm")


def config_of(state: dict):
    """The network config of a checkpoint's state (DDPMConfig, GANConfig or VAEConfig); ValueError when the kind is
    unknown. load_model builds the network from this same config."""
    kind = state.get("kind")
    if kind in DIFFUSION:
        from medcore.imaging.ddpm import DDPMConfig

        return DDPMConfig.from_dict(state["model_config"])
    if kind == "gan":
        from medcore.imaging.gan import GANConfig

        return GANConfig.from_dict(state["model_config"])
    if kind == "vae":
        from medcore.imaging.vae import VAEConfig

        return VAEConfig.from_dict(state["model_config"])
    raise ValueError(f"unknown model kind {kind!r}")


@dataclass(frozen=True)
class ModelCard:
    kind: str  # ddpm | gan | vae | ldm
    class_names: list[str]
    path: str  # the checkpoint folder
    state: dict
    config: Any
    vae_size: int | None = None  # ldm: the VAE's image side

    @property
    def conditional(self) -> bool:
        return self.config.conditional

    @property
    def size(self) -> int:
        """The image side in pixels (for ldm, the VAE's, as LoadedModel.size)."""
        return self.vae_size or self.config.size
