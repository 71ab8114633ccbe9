import torch

from medcore import runtime


def test_device_falls_back_to_cpu_when_no_gpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(runtime, "_mps_available", lambda t: False)
    assert runtime.select_device("auto").type == "cpu"
    assert runtime.select_device("cuda").type == "cpu"  # asked for, missing: CPU, not a crash
    assert runtime.default_dtype(torch.device("cpu")) == torch.float32
    info = runtime.device_info("auto")
    assert info.kind == "cpu" and "CPU" in info.label


def test_cuda_preferred_when_available(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert runtime.select_device("auto").type == "cuda"
    assert runtime.select_device("cpu").type == "cpu"


def test_thread_policy_sets_one_thread():
    before = torch.get_num_threads()
    try:
        runtime.apply_thread_policy(1)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_seeding_is_reproducible():
    runtime.seed_everything(123)
    a = torch.randn(4)
    runtime.seed_everything(123)
    assert torch.equal(a, torch.randn(4))
    g1, g2 = runtime.torch_generator(5), runtime.torch_generator(5)
    assert torch.equal(torch.rand(3, generator=g1), torch.rand(3, generator=g2))
