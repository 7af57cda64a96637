// A worker that cannot start (as when the build is broken): it throws while loading.
throw new Error('a module failed to load');
