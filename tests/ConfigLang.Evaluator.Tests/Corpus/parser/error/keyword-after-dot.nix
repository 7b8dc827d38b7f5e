x.then
