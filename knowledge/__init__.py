"""RoleFit's domain: the knowledge base, the matcher and the hiring advisor. Never imports Slack."""
