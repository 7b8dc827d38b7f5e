x |> f
