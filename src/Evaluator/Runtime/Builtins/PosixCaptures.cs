using System.Runtime.CompilerServices;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// The capture slots of a <see cref="PosixMachine"/>'s threads: sets shared between threads until one of them writes
/// (reference counted, copied on write). A program whose slots times threads fit in <see cref="MaxFlatCells"/>, or
/// whose slots are fewer than four leaves', keeps a set in one array, as nearly every pattern does; beyond, a set is a root of leaves of <see cref="LeafSlots"/> slots,
/// and a write copies the root and one leaf. Why: a pattern of thousands of nested groups, <c>(a|(a|(a|...b)))</c>, has
/// thousands of threads at once, each differing from the others in a few slots only; with flat arrays each would copy
/// every slot (3,000 groups: 72 MB).
/// <para>
/// Memory is bounded by what is allocated, not by a worst case: every node is counted when first made (released
/// nodes are kept for reuse), and past <see cref="MaxBytes"/> the run fails as Nix fails on too large a regular
/// expression. Time is bounded by the work count (<see cref="Work"/>): a copy costs the slots (or leaves) it
/// copies, an instruction the machine follows (a write among them) 1, and past the limit the machine sets (<see cref="StartRun"/>) the
/// run fails the same way.
/// </para>
/// </summary>
internal sealed class PosixCaptures
{
    /// <summary>Slots times threads up to which sets are flat arrays: the former limit on patterns (which counted the
    /// two thread lists only, not the sets that pending choices hold; those count now against <see cref="MaxBytes"/>).
    /// A flat copy is faster than a root's and a leaf's: 600 groups in sequence, <c>(a*)(a*)...</c>, took 1.2 s with
    /// leaves, 0.8 s flat.</summary>
    public const long MaxFlatCells = 4_000_000;

    /// <summary>Leaves of a root below which sets stay flat whatever the threads: a narrower root's write copies a
    /// root and a 256-slot leaf where a flat copy moves at most 768 slots (fewer than the leaf's with one leaf), and
    /// every read pays the indirection.</summary>
    private const int MinLeavesOfRoot = 4;

    /// <summary>A leaf's slots when a set is split: 10,000 nested groups take a root of 79 leaves and a leaf of 1 KB
    /// per thread.</summary>
    public const int LeafSlots = 256;
    private const int LeafBits = 8;

    /// <summary>What a machine may allocate for captures: 64 MB, twice what the former bound (slots times consuming
    /// instructions, 16 MB) allowed each of the two thread lists. That bound did not count the sets pending choices
    /// hold, so a pattern that ran before is not sure to fit; what is sure now is that no run allocates more.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Past this, a machine kept for the next call drops its spare nodes: a cached pattern does not hold
    /// a large run's memory.</summary>
    private const long MaxRetainedBytes = 1024 * 1024;

    // An object's header and an array's (length included), as the runtime lays them out on 64 bits.
    private const int ObjectBytes = 24, ArrayBytes = 24;

    /// <summary>A set of slots (the root) or a leaf of one. A flat set and a leaf hold slots, a root of leaves holds leaves.</summary>
    public sealed class Node
    {
        public int References;
        public readonly int[]? Values;
        public readonly Node[]? Leaves;

        public Node(int[] values) => Values = values;
        public Node(Node[] leaves) => Leaves = leaves;
    }

    private readonly int _slots;
    private readonly bool _flat;
    private readonly int _rootWidth; // slots of a flat set, leaves of a root
    private readonly long _rootBytes, _leafBytes;
    private Spares _spareRoots = new(), _spareLeaves = new();
    private readonly Node _empty; // every slot -1; held by the store, so never written
    private long _allocatedBytes;
    private long _work, _maxWork = long.MaxValue;

    /// <param name="slots">Slots of a set.</param>
    /// <param name="threads">Threads alive at once at most.</param>
    public PosixCaptures(int slots, int threads)
    {
        _slots = slots;
        _flat = (long)slots * threads <= MaxFlatCells || slots < MinLeavesOfRoot * LeafSlots;
        _rootWidth = _flat ? slots : (slots + LeafSlots - 1) >> LeafBits;
        _rootBytes = ObjectBytes + ArrayBytes + (long)_rootWidth * (_flat ? sizeof(int) : IntPtr.Size);
        _leafBytes = ObjectBytes + ArrayBytes + LeafSlots * sizeof(int);
        _empty = AllocateRoot(); // not a spare: it is never released
        _empty.References = 1;
        if (_flat) Array.Fill(_empty.Values!, -1);
        else
        {
            var leaf = AllocateLeaf();
            Array.Fill(leaf.Values!, -1);
            Array.Fill(_empty.Leaves!, leaf);
            leaf.References = _rootWidth;
        }
    }

    /// <summary>Whether sets are flat arrays: the program is within the former bound on slots times threads, or its
    /// root of leaves would be narrow.</summary>
    public bool IsFlat => _flat;

    /// <summary>What the store has allocated (for tests and the limit).</summary>
    public long AllocatedBytes => _allocatedBytes;

    /// <summary>The work on this input so far: the slots of each flat copy, a root's width and a leaf's slots for
    /// each root and leaf copied, plus what the machine adds (<see cref="Spend"/>: 1 per instruction followed, a write
    /// included). Each unit is about one slot moved or instruction followed, so the count tracks the run's time where
    /// writes alone do not (a flat copy of 40,000 slots is one write).</summary>
    public long Work => _work;

    /// <summary>Starts counting the work on one input, which fails past <paramref name="maxWork"/>.</summary>
    public void StartRun(long maxWork)
    {
        _work = 0;
        _maxWork = maxWork;
    }

    /// <summary>Adds <paramref name="units"/> of work (the machine's instructions followed, besides the store's own).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Spend(long units)
    {
        _work += units;
        if (_work > _maxWork) ThrowWorkLimit();
    }

    private void ThrowWorkLimit() =>
        throw new InvalidPosixPatternException($"the match does more than {_maxWork} units of work", exceedsMemoryLimit: true);

    /// <summary>A set with every slot -1 (unset).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Node New() => _flat ? CopyFlat(_empty) : CopyRoot(_empty);

    /// <summary>Slot <paramref name="slot"/> of <paramref name="root"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read(Node root, int slot) =>
        _flat ? root.Values![slot] : root.Leaves![slot >> LeafBits].Values![slot & (LeafSlots - 1)];

    /// <summary>Sets slot <paramref name="slot"/>; <paramref name="root"/>'s reference is taken over by the set returned,
    /// which is a copy when other threads share it (and its written leaf copied where shared).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Node Write(Node root, int slot, int value)
    {
        if (!_flat) return WriteToLeaf(root, slot, value);
        if (root.References > 1)
        {
            root.References--;
            root = CopyFlat(root);
        }
        root.Values![slot] = value;
        return root;
    }

    private Node WriteToLeaf(Node root, int slot, int value)
    {
        if (root.References > 1)
        {
            root.References--;
            root = CopyRoot(root);
        }
        var leaves = root.Leaves!;
        var leaf = leaves[slot >> LeafBits];
        if (leaf.References > 1)
        {
            leaf.References--;
            Spend(LeafSlots);
            var copy = AllocateLeaf();
            leaf.Values.AsSpan().CopyTo(copy.Values);
            copy.References = 1;
            leaves[slot >> LeafBits] = leaf = copy;
        }
        leaf.Values![slot & (LeafSlots - 1)] = value;
        return root;
    }

    /// <summary>All slots of <paramref name="root"/>, as a match reports them.</summary>
    public int[] ToArray(Node root)
    {
        if (_flat) return (int[])root.Values!.Clone();
        var slots = new int[_slots];
        for (var i = 0; i < _rootWidth; i++)
        {
            var start = i << LeafBits;
            root.Leaves![i].Values.AsSpan(0, Math.Min(LeafSlots, _slots - start)).CopyTo(slots.AsSpan(start));
        }
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release(Node root)
    {
        if (--root.References > 0) return;
        if (_flat) _spareRoots.Push(root);
        else Free(root);
    }

    private void Free(Node root)
    {
        foreach (var leaf in root.Leaves!)
        {
            if (--leaf.References == 0) _spareLeaves.Push(leaf);
        }
        _spareRoots.Push(root);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Node CopyFlat(Node set)
    {
        Spend(_rootWidth);
        var copy = _spareRoots.TryPop() ?? AllocateRoot();
        set.Values.AsSpan().CopyTo(copy.Values);
        copy.References = 1;
        return copy;
    }

    private Node CopyRoot(Node root)
    {
        Spend(_rootWidth);
        var copy = _spareRoots.TryPop() ?? AllocateRoot();
        root.Leaves.AsSpan().CopyTo(copy.Leaves);
        foreach (var leaf in root.Leaves!) leaf.References++;
        copy.References = 1;
        return copy;
    }

    private Node AllocateRoot()
    {
        Charge(_rootBytes);
        return _flat ? new Node(new int[_rootWidth]) : new Node(new Node[_rootWidth]);
    }

    private Node AllocateLeaf()
    {
        if (_spareLeaves.TryPop() is { } node) return node;
        Charge(_leafBytes);
        return new Node(new int[LeafSlots]);
    }

    private void Charge(long bytes)
    {
        _allocatedBytes += bytes;
        if (_allocatedBytes > MaxBytes)
        {
            throw new InvalidPosixPatternException($"the match needs more than {MaxBytes / (1024 * 1024)} MB for its groups' captures", exceedsMemoryLimit: true);
        }
    }

    /// <summary>Drops the spare nodes when they are many; called between runs, when every set is free.</summary>
    public void TrimIfLarge()
    {
        if (_allocatedBytes <= MaxRetainedBytes) return;
        _allocatedBytes -= _spareRoots.Count * _rootBytes + _spareLeaves.Count * _leafBytes;
        _spareRoots = new Spares();
        _spareLeaves = new Spares();
    }

    /// <summary>Released nodes, for reuse: a plain array, as <see cref="Stack{T}"/>'s calls showed in profiles.</summary>
    private struct Spares()
    {
        private Node[] _nodes = [];
        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Node? TryPop() => Count > 0 ? _nodes[--Count] : null;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(Node node)
        {
            if (Count == _nodes.Length) Array.Resize(ref _nodes, Math.Max(16, 2 * Count));
            _nodes[Count++] = node;
        }
    }
}
