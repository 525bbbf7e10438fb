"""One small answerer per route: ``extractive`` (a topic, quoted from retrieved points), ``meeting`` (a meeting,
its agenda, a point of it, attendance), ``votes`` (recorded votes and positions), ``path`` (a case's decisions in
order). The Assistant in assistant/answering.py routes a question to one of them."""
