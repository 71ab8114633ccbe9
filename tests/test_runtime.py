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


def test_the_device_label_of_a_cpu_only_torch_needs_no_torch_import(monkeypatch):
    """The sidebar and Home show the device on every first render; importing torch for it cost about 1.2 s of
    CPU in a fresh process (issue 14, speed). A CPU-only torch build can only ever select the CPU."""
    import sys

    expected = runtime.device_info("cpu").label
    if runtime._torch_is_cpu_only():  # what the wheel says agrees with what torch finds
        assert not torch.cuda.is_available() and runtime.select_device("auto").type == "cpu"
    monkeypatch.setattr(runtime, "_torch_is_cpu_only", lambda: True)
    monkeypatch.delitem(sys.modules, "torch")  # a fresh process (restored after the test)
    assert runtime.device_label("auto") == expected
    assert "torch" not in sys.modules
    monkeypatch.setattr(runtime, "_torch_is_cpu_only", lambda: False)
    monkeypatch.setitem(sys.modules, "torch", torch)
    assert runtime.device_label("auto") == runtime.device_info("auto").label
