"""The optional HTTP endpoint of `briefbot run`: /healthz and /metrics (BRIEFBOT_HEALTH_PORT)."""
