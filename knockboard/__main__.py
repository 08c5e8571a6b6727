from knockboard.cli import main

raise SystemExit(main())
