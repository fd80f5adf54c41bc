"""The Sync page: exchanging changes through the share, reviewing conflicts and clock warnings."""
