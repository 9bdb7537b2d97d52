"""The daily digest: what it says (content) and when it is due (schedule); both pure."""
