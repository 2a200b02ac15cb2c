import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">The page you asked for does not exist or was moved.</p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 underline">
        Back to your dashboard
      </Link>
    </main>
  );
}
