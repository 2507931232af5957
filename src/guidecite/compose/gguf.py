"""A local GGUF chat model through llama-cpp-python, for the LLM composer.

    GUIDECITE_GGUF_PATH=/models/some-instruct.Q4_K_M.gguf guidecite ask "..." --composer gguf

llama-cpp-python is an optional extra (`pip install 'guidecite[llm]'`): where no prebuilt
wheel exists it compiles llama.cpp, which takes many minutes, so nothing imports it until
this composer is chosen. Its chat replies have the OpenAI shape, so the composer reads them
with the same code as the HTTP backend. A local call cannot be interrupted: the reply's
length is bounded by `max_tokens` rather than by a timeout.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from ..embedding import Embedder
from ..errors import ConfigError, ModelError
from ..settings import Settings
from .llm import BackendError, LLMComposer, content_of

INSTALL_HINT = (
    "the gguf composer needs llama-cpp-python: pip install 'guidecite[llm]' "
    "(where no prebuilt wheel exists this compiles llama.cpp, which takes many minutes)"
)


class GGUFChat:
    """A chat model held in memory; one generation at a time."""

    def __init__(self, path: Path, *, context: int = 8192, max_tokens: int = 800) -> None:
        llama_cpp = import_llama_cpp()
        if not path.is_file():
            raise ConfigError(f"GUIDECITE_GGUF_PATH: no such file: {path}")
        try:
            self.llama = llama_cpp.Llama(model_path=str(path), n_ctx=context, verbose=False)
        except Exception as exc:  # llama-cpp-python raises plain ValueError/RuntimeError
            raise ModelError(f"cannot load the GGUF model {path}: {exc}") from exc
        self.label = path.name
        self.max_tokens = max_tokens
        self._lock = threading.Lock()

    def chat(self, messages: list[dict[str, str]]) -> str:
        try:
            with self._lock:
                reply = self.llama.create_chat_completion(
                    messages=messages, temperature=0.0, max_tokens=self.max_tokens
                )
        except Exception as exc:  # a failed generation falls back, whatever its type
            raise BackendError(f"the local model failed: {exc}") from exc
        return content_of(reply)


def import_llama_cpp() -> Any:
    try:
        import llama_cpp
    except ImportError as exc:
        raise ModelError(INSTALL_HINT) from exc
    return llama_cpp


def gguf_composer(embedder: Embedder, settings: Settings | None = None) -> LLMComposer:
    """The composer for the model file at GUIDECITE_GGUF_PATH (docs/llm.md), from the settings
    the library was opened with (never read here); the model is loaded once, by the library."""
    if settings is None or settings.gguf_path is None:
        raise ConfigError("the gguf composer needs GUIDECITE_GGUF_PATH, a .gguf model file")
    return LLMComposer(GGUFChat(settings.gguf_path), embedder, name="gguf")
