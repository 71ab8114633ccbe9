"""Image generator: datasets, DDPM and DCGAN training, sampling, quality checks and DICOM export.

Modules import torch and diffusers lazily, so `python -m medcore --help` stays fast.
"""
