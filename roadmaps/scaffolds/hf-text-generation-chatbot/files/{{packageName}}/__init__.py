# {{projectName}}: a text-generation chatbot on Hugging Face transformers.
"""A GPT-2 style chatbot: prompts, history trimming, generation settings, SQLite log."""
