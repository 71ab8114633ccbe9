"""Latent diffusion's pieces outside training: the VAE stored inside a checkpoint, and sampling
latents with the DDPM samplers, then decoding them through that VAE.

A latent checkpoint carries its VAE (tensors under "vae.", config under state["vae_config"],
including the measured latent scale), so it samples on its own and a VAE run that trains on
cannot change what an existing latent model decodes to.
"""

from __future__ import annotations


def vae_from_tensors(tensors: dict, vae_config: dict, device=None):
    """(VAE in eval mode, VAEConfig) from checkpoint tensors whose VAE keys start with "vae."."""
    import torch

    from medcore.imaging.vae import VAEConfig, build_vae

    vcfg = VAEConfig.from_dict(vae_config)
    with torch.device("meta"):
        vae = build_vae(vcfg)
    sd = {k[4:]: v.float() for k, v in tensors.items() if k.startswith("vae.")}
    vae.load_state_dict(sd, assign=True)
    return vae.to(device or "cpu").eval(), vcfg


def decode_latents(vae, vcfg, z, labels=None, batch: int = 16):
    """Scaled latents -> images in [-1, 1], decoded in batches to bound memory at 128 px."""
    import torch

    y = torch.as_tensor(labels, device=z.device).long() if labels is not None and vcfg.conditional else None
    out = []
    with torch.no_grad():
        for i in range(0, z.shape[0], batch):
            yb = y[i:i + batch] if y is not None else None
            out.append(vae.decode(z[i:i + batch] / vcfg.latent_scale, yb).clamp(-1, 1))
    return torch.cat(out)


def encode_images(vae, vcfg, x, y=None, batch: int = 32):
    """Images in [-1, 1] -> posterior-mean latents times the latent scale."""
    import torch

    out = []
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            yb = y[i:i + batch] if y is not None and vcfg.conditional else None
            mean, _ = vae.encode(x[i:i + batch], yb)
            out.append(mean)
    return torch.cat(out) * vcfg.latent_scale


def ldm_sample_tensor(net, cfg, vae, vcfg, *, n: int, labels, seed: int, sampler: str = "dpm++", steps: int = 20,
                      guidance: float = 2.5, device=None, trajectory: bool = False, guidance_min_t: int = 0,
                      on_step=None):
    """(images in [-1, 1] (n, 1, S, S), trajectory of decoded images when asked); `on_step` as ddpm_sample_tensor."""
    from medcore.imaging.ddpm import ddpm_sample_tensor

    z, raw = ddpm_sample_tensor(net, cfg, n=n, labels=labels, seed=seed, sampler=sampler, steps=steps,
                                guidance=guidance, device=device, trajectory=trajectory,
                                guidance_min_t=guidance_min_t, on_step=on_step)
    traj = [(t, decode_latents(vae, vcfg, v.to(z.device), labels).cpu()) for t, v in raw]
    return decode_latents(vae, vcfg, z, labels), traj
