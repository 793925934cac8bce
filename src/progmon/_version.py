"""progmon's version: written here once, read by the build (hatchling) and by ``import progmon``."""

__version__ = "0.1.0.dev0"
