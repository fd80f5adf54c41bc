"""The Routes page (路序): territory tree, routes, stops in order, the map and the week plan."""
