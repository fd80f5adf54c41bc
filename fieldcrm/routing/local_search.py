"""Float-precision refinement of paths with fixed ends (2-opt and Or-opt).

This is not the solver: fast-tsp builds the tours. It exists because fast-tsp
searches on rounded, symmetrised integers, while FieldCRM's costs are float
metres that may differ by direction. A few best-improvement moves on the true
costs remove what rounding hid and orient road-matrix routes correctly. The
same moves give ``split`` a deterministic, cheap length estimate.

Moves are evaluated in numpy over the K nearest neighbours of each node, so a
pass over a 1,000-stop route costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

_NEIGHBOURS = 12
_MAX_SEGMENT = 3
_MOVES_PER_NODE = 20
"""Bound on applied moves, so the refinement always ends (20 per node is far above what we observe)."""

FloatMatrix = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]


def path_cost(path: Sequence[int], costs: FloatMatrix) -> float:
    """Sum of the legs ``path[0] -> path[1] -> ...``."""
    nodes = np.asarray(path, dtype=np.intp)
    return float(costs[nodes[:-1], nodes[1:]].sum()) if len(nodes) > 1 else 0.0


def nearest_neighbour_path(costs: FloatMatrix, start: int, end: int, nodes: Sequence[int]) -> list[int]:
    """Greedy path ``start -> nearest unvisited -> ... -> end`` over ``nodes``; ties go to the lower index."""
    remaining = np.asarray([node for node in nodes if node not in (start, end)], dtype=np.intp)
    path = [start]
    left = np.ones(len(remaining), dtype=bool)
    for _ in range(len(remaining)):
        here = path[-1]
        step = np.where(left, costs[here, remaining], np.inf)
        pick = int(np.argmin(step))
        left[pick] = False
        path.append(int(remaining[pick]))
    path.append(end)
    return path


def polish_path(path: Sequence[int], costs: FloatMatrix) -> list[int]:
    """Apply improving 2-opt and Or-opt moves until none is left; the two ends never move.

    ``path`` holds node indices into ``costs`` and may start and end at the
    same node (a closed tour through the depot). Deterministic: equal gains
    are broken by position.
    """
    if len(path) < 4:
        return list(path)
    nodes = np.asarray(path, dtype=np.intp)
    local = costs[np.ix_(nodes, nodes)]
    order = _improve(local)
    return [int(node) for node in nodes[order]]


def _neighbour_lists(local: FloatMatrix) -> IntArray:
    size = len(local)
    k = min(_NEIGHBOURS, size - 1)
    both_ways = local + local.T
    np.fill_diagonal(both_ways, np.inf)
    nearest = np.argpartition(both_ways, k - 1, axis=1)[:, :k]
    return np.asarray(nearest, dtype=np.intp)


def _improve(local: FloatMatrix) -> IntArray:
    size = len(local)
    neighbours = _neighbour_lists(local)
    seq = np.arange(size, dtype=np.intp)
    tolerance = 1e-9 * max(1.0, float(local.max()))
    for _ in range(_MOVES_PER_NODE * size):
        pos = np.empty(size, dtype=np.intp)
        pos[seq] = np.arange(size)
        forward = np.concatenate(([0.0], np.cumsum(local[seq[:-1], seq[1:]])))
        backward = np.concatenate(([0.0], np.cumsum(local[seq[1:], seq[:-1]])))
        best_gain, best_seq = -tolerance, seq
        gain, candidate = _best_two_opt(local, seq, pos, neighbours, forward, backward)
        if gain < best_gain:
            best_gain, best_seq = gain, candidate
        for length in range(1, min(_MAX_SEGMENT, size - 3) + 1):
            gain, candidate = _best_or_opt(local, seq, pos, neighbours, forward, backward, length)
            if gain < best_gain:
                best_gain, best_seq = gain, candidate
        if best_seq is seq:
            break
        seq = best_seq
    return seq


def _best_two_opt(
    local: FloatMatrix,
    seq: IntArray,
    pos: IntArray,
    neighbours: IntArray,
    forward: FloatMatrix,
    backward: FloatMatrix,
) -> tuple[float, IntArray]:
    """Best reversal of ``seq[i+1..j]``; candidates are edges that would join near neighbours."""
    size = len(seq)
    edge = np.arange(size - 1)
    k = neighbours.shape[1]
    from_tail = pos[neighbours[seq[edge]]]  # new edge seq[i] -> seq[j]
    from_head = pos[neighbours[seq[edge + 1]]] - 1  # new edge seq[i+1] -> seq[j+1]
    i = np.repeat(edge, 2 * k)
    j = np.concatenate((from_tail, from_head), axis=1).ravel()
    valid = (j >= 0) & (j <= size - 2)
    lo, hi = np.minimum(i, j)[valid], np.maximum(i, j)[valid]
    keep = hi - lo >= 2
    lo, hi = lo[keep], hi[keep]
    if len(lo) == 0:
        return 0.0, seq
    a, b, c, d = seq[lo], seq[lo + 1], seq[hi], seq[hi + 1]
    reversal = (backward[hi] - backward[lo + 1]) - (forward[hi] - forward[lo + 1])
    delta = local[a, c] + local[b, d] - local[a, b] - local[c, d] + reversal
    best = int(np.argmin(delta))
    x, y = int(lo[best]), int(hi[best])
    moved = np.concatenate((seq[: x + 1], seq[x + 1 : y + 1][::-1], seq[y + 1 :]))
    return float(delta[best]), moved


def _best_or_opt(
    local: FloatMatrix,
    seq: IntArray,
    pos: IntArray,
    neighbours: IntArray,
    forward: FloatMatrix,
    backward: FloatMatrix,
    length: int,
) -> tuple[float, IntArray]:
    """Best move of a ``length``-node segment (kept or reversed) between two near neighbours."""
    size = len(seq)
    start = np.arange(1, size - length)  # segment seq[s..s+length-1], never an end
    first, last = seq[start], seq[start + length - 1]
    before, after = seq[start - 1], seq[start + length]
    removal = local[before, first] + local[last, after] - local[before, after]
    near = np.concatenate((neighbours[first], neighbours[last]), axis=1)
    slots = np.concatenate((pos[near], pos[near] - 1), axis=1)  # insert after seq[t]
    s = np.repeat(start, slots.shape[1])
    t = slots.ravel()
    valid = (t >= 0) & (t <= size - 2) & ((t < s - 1) | (t > s + length - 1))
    s, t = s[valid], t[valid]
    if len(s) == 0:
        return 0.0, seq
    row = s - 1
    f, g = first[row], last[row]
    u, v = seq[t], seq[t + 1]
    inner = start[row] + length - 1
    flipped = (backward[inner] - backward[s]) - (forward[inner] - forward[s])
    keep_cost = local[u, f] + local[g, v] - local[u, v]
    flip_cost = local[u, g] + local[f, v] - local[u, v] + flipped
    delta = np.minimum(keep_cost, flip_cost) - removal[row]
    best = int(np.argmin(delta))
    x, y = int(s[best]), int(t[best])
    segment = seq[x : x + length]
    if flip_cost[best] < keep_cost[best]:
        segment = segment[::-1]
    rest = np.concatenate((seq[:x], seq[x + length :]))
    at = y + 1 if y < x else y + 1 - length
    moved = np.concatenate((rest[:at], segment, rest[at:]))
    return float(delta[best]), moved


def swap_positions(path: Sequence[int], costs: FloatMatrix, movable: Sequence[int]) -> list[int]:
    """Exchange nodes between ``movable`` positions of ``path`` while that shortens it.

    Used when pins cut the route into gaps of fixed sizes: a swap is the one
    move that can carry a stop into another gap without changing any gap's
    size. Only pairs of near neighbours are tried.
    """
    seq = np.asarray(path, dtype=np.intp)
    slots = np.asarray(movable, dtype=np.intp)
    if len(slots) < 2:
        return list(path)
    nodes = seq[slots]  # distinct: only the depot repeats, and it never moves
    k = min(_NEIGHBOURS, len(slots) - 1)
    among = (costs + costs.T)[np.ix_(nodes, nodes)]
    np.fill_diagonal(among, np.inf)
    first = np.repeat(nodes, k)
    second = nodes[np.argpartition(among, k - 1, axis=1)[:, :k]].ravel()
    where = np.zeros(len(costs), dtype=np.intp)
    tolerance = 1e-9 * max(1.0, float(costs.max()))
    for _ in range(_MOVES_PER_NODE * len(slots)):
        where[seq[slots]] = slots
        i, j = np.minimum(where[first], where[second]), np.maximum(where[first], where[second])
        delta = _swap_delta(costs, seq, i, j)
        best = int(np.argmin(delta))
        if delta[best] >= -tolerance:
            break
        x, y = int(i[best]), int(j[best])
        seq[x], seq[y] = seq[y], seq[x]
    return [int(node) for node in seq]


def _swap_delta(costs: FloatMatrix, seq: IntArray, i: IntArray, j: IntArray) -> FloatMatrix:
    """Cost change of exchanging ``seq[i]`` and ``seq[j]`` (``i < j``), adjacent or not."""
    a, b = seq[i], seq[j]
    before_a, after_a, before_b, after_b = seq[i - 1], seq[i + 1], seq[j - 1], seq[j + 1]
    apart = (
        costs[before_a, b]
        + costs[b, after_a]
        + costs[before_b, a]
        + costs[a, after_b]
        - costs[before_a, a]
        - costs[a, after_a]
        - costs[before_b, b]
        - costs[b, after_b]
    )
    adjacent = (
        costs[before_a, b] + costs[b, a] + costs[a, after_b] - costs[before_a, a] - costs[a, b] - costs[b, after_b]
    )
    return np.where(j == i + 1, adjacent, apart)
